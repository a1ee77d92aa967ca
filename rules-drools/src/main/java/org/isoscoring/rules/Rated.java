package org.isoscoring.rules;

import org.isoscoring.drools.BaseSheet;


/**
 * The rating of an assessment's total.
 *
 * @param sheet  the assessment
 * @param rating the rating
 * @param rule   the band rule that gave it
 */
public record Rated(BaseSheet sheet, Enum<?> rating, String rule) {
}
