package org.isoscoring.rules;

import java.math.BigDecimal;

/**
 * Points an agency loses from the total of its final assessment, taken by a rule with
 * {@code penalize(kcontext, agency, "3")}.
 *
 * @param agency the agency
 * @param points the points taken
 * @param rule   the rule that took them
 */
public record Penalty(String agency, BigDecimal points, String rule) {
}
