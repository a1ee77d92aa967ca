package org.isoscoring.api;

import java.util.Objects;

/**
 * One scoring of one agency by one assessor, from the facts that assessor found.
 *
 * @param agency   the id of the agency assessed
 * @param assessor who scored it, one of its guidance's assessors ({@link Vocabulary#assessors()}), for example
 *                 {@code PROVINCE}
 * @param facts    what the assessor found
 */
public record Assessment(String agency, String assessor, Facts facts) {

    /**
     * Checks the components.
     *
     * @param agency   the id of the agency assessed
     * @param assessor who scored it, one of its guidance's assessors ({@link Vocabulary#assessors()}), for example
     *                 {@code PROVINCE}
     * @param facts    what the assessor found
     * @throws NullPointerException when a required component is {@code null}
     */
    public Assessment {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(facts, "facts");
    }
}
