package org.isoscoring.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything to score in one call: the agencies of a province and their assessments of one year.
 *
 * @param guidance    the id of the guidance to score with, or {@code null} for the bundled guidance that
 *                    covers {@code year}
 * @param year        the assessed year
 * @param agencies    every agency referred to by an assessment, and every commune of every district
 * @param assessments the assessments, in the order the result repeats them
 */
public record ScoringRequest(String guidance, int year, List<Agency> agencies, List<Assessment> assessments) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param guidance    the id of the guidance to score with, or {@code null} for the bundled guidance that
     *                    covers {@code year}
     * @param year        the assessed year
     * @param agencies    every agency referred to by an assessment, and every commune of every district
     * @param assessments the assessments, in the order the result repeats them
     * @throws NullPointerException when a required component is {@code null}
     */
    public ScoringRequest {
        agencies = List.copyOf(Objects.requireNonNull(agencies, "agencies"));
        assessments = List.copyOf(Objects.requireNonNull(assessments, "assessments"));
    }
}
