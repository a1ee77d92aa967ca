package org.isoscoring.drools;

import org.isoscoring.api.Rating;

/**
 * The rating of an assessment's total.
 *
 * @param sheet  the assessment
 * @param rating the rating
 * @param rule   the band rule that gave it
 */
public record Rated(Sheet sheet, Rating rating, String rule) {
}
