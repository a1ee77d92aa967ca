package org.isoscoring.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param groups      the reports of each group the guidance declares ({@link Vocabulary#groups()}), by group id in
 *                    the guidance's order: for a group of a kind one report per agency of that kind, sorted by id;
 *                    for the whole request one report
 */
public record ScoringResult(String guidance, int year, String rulesHash, List<AssessmentResult> assessments,
                            List<AgencyResult> agencies, Map<String, List<GroupReport>> groups) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param guidance    the id of the guidance that scored it
     * @param year        the assessed year
     * @param rulesHash   {@code sha256:} and the hash of the guidance's files, to replay the result with exactly
     *                    the rules that made it
     * @param assessments one result per assessment, in the order of the request
     * @param agencies    the final result of every agency that has an assessment, sorted by id
     * @param groups      the reports of each group the guidance declares ({@link Vocabulary#groups()}), by group id in
     *                    the guidance's order: for a group of a kind one report per agency of that kind, sorted by id;
     *                    for the whole request one report
     * @throws NullPointerException when a required component is {@code null}
     */
    public ScoringResult {
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(rulesHash, "rulesHash");
        assessments = List.copyOf(Objects.requireNonNull(assessments, "assessments"));
        agencies = List.copyOf(Objects.requireNonNull(agencies, "agencies"));
        Map<String, List<GroupReport>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(groups, "groups").forEach((id, reports) -> copy.put(id, List.copyOf(reports)));
        groups = Collections.unmodifiableMap(copy);
    }

    /**
     * The final result of one agency, if it has an assessment.
     *
     * @param id the agency's id
     * @return its final result, or empty when it has no assessment
     */
    public Optional<AgencyResult> agency(String id) {
        return agencies.stream().filter(a -> a.agency().equals(id)).findFirst();
    }

    /**
     * The result of one assessment, if the request has it.
     *
     * @param agency   the id of the agency assessed
     * @param assessor who scored it, for example {@code PROVINCE}
     * @return the assessment's result, or empty when the request has no such assessment
     */
    public Optional<AssessmentResult> assessment(String agency, String assessor) {
        return assessments.stream().filter(a -> a.agency().equals(agency) && a.assessor().equals(assessor))
                .findFirst();
    }

    /**
     * The reports of a group, empty for a group the guidance does not declare.
     *
     * @param id the group's id, for example {@code districts}
     * @return its reports: one per agency of its kind, sorted by id, or the one report of the whole request
     */
    public List<GroupReport> group(String id) {
        return groups.getOrDefault(id, List.of());
    }

    /**
     * Every agency's final result, ranked: highest total first, then by id; equal totals share a rank (1, 1, 3). The
     * ranking every report of the result shows (the summary, the dashboard, the results workbook).
     *
     * @return every agency that has an assessment, with its rank, in ranked order; an immutable list
     */
    public List<Ranked> ranking() {
        List<AgencyResult> sorted = new java.util.ArrayList<>(agencies);
        sorted.sort(java.util.Comparator.comparing(AgencyResult::total).reversed().thenComparing(AgencyResult::agency));
        List<Ranked> ranked = new java.util.ArrayList<>(sorted.size());
        int rank = 0;
        java.math.BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            AgencyResult a = sorted.get(i);
            if (previous == null || a.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = a.total();
            }
            ranked.add(new Ranked(rank, a));
        }
        return List.copyOf(ranked);
    }

    /**
     * An agency's place in the ranking.
     *
     * @param rank   from 1; agencies with equal totals share it
     * @param result its final result
     */
    public record Ranked(int rank, AgencyResult result) {
        /**
         * Checks the components.
         *
         * @param rank   from 1; agencies with equal totals share it
         * @param result its final result
         * @throws NullPointerException     when a required component is {@code null}
         * @throws IllegalArgumentException when a component is not valid
         */
        public Ranked {
            if (rank < 1) {
                throw new IllegalArgumentException("a rank is 1 or more: " + rank);
            }
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The report of one agency in a group ({@code report("districts", "HUYEN-YD")}), if the result has it.
     *
     * @param group  the group's id, for example {@code districts}
     * @param agency the id of the agency the report is of
     * @return its report, or empty when the result has none
     */
    public Optional<GroupReport> report(String group, String agency) {
        return group(group).stream().filter(r -> agency.equals(r.agency())).findFirst();
    }
}
