package org.isoscoring.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of scoring a request (FORMAT.md, "Result").
 *
 * @param guidance    the id of the guidance that scored it
 * @param year        the assessed year
 * @param rulesHash   {@code sha256:} and the hash of the guidance's files, to replay the result with exactly
 *                    the rules that made it
 * @param assessments one result per assessment, in the order of the request
 * @param agencies    the final result of every agency that has an assessment, sorted by id
 * @param districts   one report per district of the request, sorted by id
 */
public record ScoringResult(String guidance, int year, String rulesHash, List<AssessmentResult> assessments,
                            List<AgencyResult> agencies, List<DistrictReport> districts) {

    public ScoringResult {
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(rulesHash, "rulesHash");
        assessments = List.copyOf(Objects.requireNonNull(assessments, "assessments"));
        agencies = List.copyOf(Objects.requireNonNull(agencies, "agencies"));
        districts = List.copyOf(Objects.requireNonNull(districts, "districts"));
    }

    /** The final result of one agency, if it has an assessment. */
    public Optional<AgencyResult> agency(String id) {
        return agencies.stream().filter(a -> a.agency().equals(id)).findFirst();
    }

    /** The result of one assessment, if the request has it. */
    public Optional<AssessmentResult> assessment(String agency, Assessor assessor) {
        return assessments.stream().filter(a -> a.agency().equals(agency) && a.assessor() == assessor).findFirst();
    }

    /** The report of one district, if the request has it. */
    public Optional<DistrictReport> district(String id) {
        return districts.stream().filter(d -> d.agency().equals(id)).findFirst();
    }
}
