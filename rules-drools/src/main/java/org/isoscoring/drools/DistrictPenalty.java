package org.isoscoring.drools;

import java.math.BigDecimal;

/**
 * Points a district loses from the total of its final assessment.
 *
 * @param district the district
 * @param points   the points taken
 * @param rule     the rule that took them
 */
public record DistrictPenalty(String district, BigDecimal points, String rule) {
}
