package org.isoscoring.rules;

import org.isoscoring.drools.BaseSheet;

import java.math.BigDecimal;

/**
 * The sum of an assessment's awards, once every sub-criterion has one.
 *
 * @param sheet the assessment
 * @param value the sum
 */
public record Subtotal(BaseSheet sheet, BigDecimal value) {
}
