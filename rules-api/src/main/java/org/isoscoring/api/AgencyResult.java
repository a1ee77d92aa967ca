package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The final result of an agency: its assessment by the highest assessor present.
 *
 * @param agency        the agency
 * @param finalAssessor the assessor whose assessment is final ({@code PROVINCE} over {@code DISTRICT} over
 *                      {@code SELF})
 * @param total         that assessment's total
 * @param rating        that assessment's rating
 */
public record AgencyResult(String agency, Assessor finalAssessor, BigDecimal total, Rating rating) {

    public AgencyResult {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(finalAssessor, "finalAssessor");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(rating, "rating");
    }
}
