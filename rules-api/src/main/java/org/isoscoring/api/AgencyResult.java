package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The final result of an agency: its assessment by the highest assessor present
 * ({@link Vocabulary#finalAssessor()}).
 *
 * @param agency        the agency
 * @param finalAssessor the assessor whose assessment is final
 * @param total         that assessment's total
 * @param rating        that assessment's rating, one of the guidance's ratings
 */
public record AgencyResult(String agency, String finalAssessor, BigDecimal total, String rating) {

    /**
     * Checks the components.
     *
     * @param agency        the agency
     * @param finalAssessor the assessor whose assessment is final
     * @param total         that assessment's total
     * @param rating        that assessment's rating, one of the guidance's ratings
     * @throws NullPointerException when a required component is {@code null}
     */
    public AgencyResult {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(finalAssessor, "finalAssessor");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(rating, "rating");
    }
}
