package org.isoscoring.tests.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/**
 * An independent reference model of the guidance {@code two-tier-2026-example}, written directly from
 * {@code SCORING-TWO-TIER-2026.md} and, for what it leaves unchanged, {@code SCORING.md}. Like
 * {@link ReferenceScorer} it shares no code with {@code rules-drools} (only the records of {@code rules-api}), and no
 * code with {@link ReferenceScorer} either: the two guidances are modelled separately, so a change made to both
 * models at once cannot hide a difference.
 *
 * <p>What it models: the 32 sub-criteria (7.1 worth 8 with 98/95/90/80% giving 8/6/4/2, the new 7.3 on the dossiers
 * received online, 14.2 the judgement {@code electronicIso}, 15.1 and 15.2 for every kind); the final assessment
 * ({@code PROVINCE} over {@code SELF}); the over-scoring of an agency of any kind ({@code 100·selfSubtotal >
 * 110·provinceSubtotal}) and its 3 points taken from the {@code PROVINCE} assessment's total, never below 0; the four
 * ratings; and the one report of the whole request, {@code province}.
 *
 * <p>Arithmetic is exact: points are half points ({@code int}), ratios {@code a/b >= p%} are {@code 100·a >= p·b} in
 * {@code long}. The request is assumed valid. Explanations are not modelled (the list is empty).
 */
public final class TwoTierReferenceScorer {

    /** The guidance this model reproduces. */
    public static final String GUIDANCE = "two-tier-2026-example";

    /** The 32 sub-criteria of the catalog, in catalog order (SCORING-TWO-TIER-2026.md §3). */
    public static final List<String> CRITERIA = List.of(
            "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
            "6.1", "6.2", "7.1", "7.2", "7.3", "8.1", "8.2", "9.1", "9.2", "10.1", "10.2", "11.1", "12.1", "13.1",
            "14.1", "14.2", "15.1", "15.2");

    /** The maximum of every sub-criterion, in catalog order. */
    public static final Map<String, BigDecimal> MAX;

    /** The result's one group, a report of the whole request. */
    public static final String PROVINCE_GROUP = "province";

    /** The ratings, best first (§5). */
    public static final List<String> RATINGS = List.of("EXCELLENT", "GOOD", "PASS", "FAIL");

    /** The penalty for over-scoring, in half points (§4). */
    private static final int PENALTY_HALVES = 6;

    static {
        int[] max = {3, 3, 2, 4, 2, 2, 2, 2, 2, 2, 2, 6, 4, 2, 3, 3, 8, 2, 2, 3, 5, 5, 3, 4, 2, 4, 4, 2, 2, 2, 5, 3};
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < CRITERIA.size(); i++) {
            m.put(CRITERIA.get(i), BigDecimal.valueOf(max[i]));
        }
        MAX = Collections.unmodifiableMap(m);
    }

    private TwoTierReferenceScorer() {
    }

    /** Scores a valid request exactly as SCORING-TWO-TIER-2026.md says. */
    public static ScoringResult score(ScoringRequest request) {
        int year = request.year();
        List<Assessment> assessments = request.assessments();
        int size = assessments.size();

        // 1. Every sub-criterion of every assessment, from its own facts only (half points).
        List<Map<String, Integer>> halves = new ArrayList<>(size);
        List<Integer> subtotals = new ArrayList<>(size);
        for (Assessment assessment : assessments) {
            Map<String, Integer> h = criteria(assessment.facts(), year);
            halves.add(h);
            int subtotal = 0;
            for (String id : CRITERIA) {
                subtotal += h.get(id);
            }
            subtotals.add(subtotal);
        }

        // 2. The final assessment: PROVINCE if there is one, else SELF.
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> province = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Assessment a = assessments.get(i);
            switch (a.assessor()) {
                case "SELF" -> self.put(a.agency(), i);
                case "PROVINCE" -> province.put(a.agency(), i);
                default -> throw new IllegalArgumentException("no assessor " + a.assessor() + " in this guidance");
            }
        }
        Map<String, Integer> finalIndex = new TreeMap<>(self);
        finalIndex.putAll(province);

        // 3. Over-scored agencies: a SELF and a PROVINCE assessment, 100·self > 110·province (half points on both
        //    sides: the same factor 2, so the comparison is the same).
        List<String> overScored = new ArrayList<>();
        for (Map.Entry<String, Integer> e : province.entrySet()) {
            Integer s = self.get(e.getKey());
            if (s != null && 100L * subtotals.get(s) > 110L * subtotals.get(e.getValue())) {
                overScored.add(e.getKey());
            }
        }
        Collections.sort(overScored);

        // 4. Results: the penalty on the PROVINCE assessment of an over-scored agency only.
        List<AssessmentResult> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Assessment a = assessments.get(i);
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (String id : CRITERIA) {
                points.put(id, points(halves.get(i).get(id)));
            }
            int subtotal = subtotals.get(i);
            int penalty = a.assessor().equals("PROVINCE") && overScored.contains(a.agency()) ? PENALTY_HALVES : 0;
            int total = Math.max(0, subtotal - penalty);
            results.add(new AssessmentResult(a.agency(), a.assessor(), points, points(subtotal), points(penalty),
                    points(total), rating(total), List.of()));
        }

        // 5. Final results, sorted by id.
        List<AgencyResult> agencyResults = new ArrayList<>();
        for (Map.Entry<String, Integer> e : finalIndex.entrySet()) {
            AssessmentResult r = results.get(e.getValue());
            agencyResults.add(new AgencyResult(e.getKey(), r.assessor(), r.total(), r.rating()));
        }

        // 6. The report of the province as a whole.
        int communes = 0;
        int appraised = 0;
        int atLeast80 = 0;
        for (Agency agency : request.agencies()) {
            if (!agency.kind().equals("COMMUNE")) {
                continue;
            }
            communes++;
            if (province.containsKey(agency.id())) {
                appraised++;
            }
            Integer fin = finalIndex.get(agency.id());
            if (fin != null && results.get(fin).total().compareTo(BigDecimal.valueOf(80)) >= 0) {
                atLeast80++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("communes", communes);
        figures.put("provinceSampleSize", Math.max(1, (20 * communes + 99) / 100));
        figures.put("provinceAppraised", appraised);
        figures.put("communesAtLeast80", atLeast80);
        figures.put("overScoredAgencies", List.copyOf(overScored));
        GroupReport report = new GroupReport(PROVINCE_GROUP, null, figures);
        return new ScoringResult(GUIDANCE, year, "reference", results, agencyResults,
                Map.of(PROVINCE_GROUP, List.of(report)));
    }

    /** The rating of a total in half points (§5): 90, 75, 50. */
    public static String rating(int totalHalves) {
        if (totalHalves >= 180) {
            return "EXCELLENT";
        } else if (totalHalves >= 150) {
            return "GOOD";
        } else if (totalHalves >= 100) {
            return "PASS";
        }
        return "FAIL";
    }

    /** Every sub-criterion of one assessment, in half points. */
    static Map<String, Integer> criteria(Facts f, int year) {
        Map<String, Integer> h = new HashMap<>();
        // 1
        String team = f.choice("isoTeam");
        h.put("1.1", team.equals("CURRENT") ? 6 : team.equals("OUTDATED") ? 2 : 0);
        LocalDate plan = f.date("annualPlanIssuedOn");
        h.put("1.2", plan == null || plan.getYear() > year ? 0
                : plan.isAfter(LocalDate.of(year, 3, 31)) ? 3 : 6);
        h.put("1.3", judgement(f.choice("leaderInvolvement"), 2));
        // 2
        long trained = f.count("staffTrained");
        long staff = f.count("staffTotal");
        h.put("2.1", ratio(trained, staff, 90) ? 8 : ratio(trained, staff, 70) ? 4 : 0);
        h.put("2.2", twoOneZero(f.count("internalAuditors")));
        // 3
        h.put("3.1", Boolean.TRUE.equals(f.bool("qualityPolicyPublished")) ? 4 : 0);
        h.put("3.2", judgement(f.choice("objectivesSmart"), 2));
        h.put("3.3", twoOneZero(f.count("objectiveReviews")));
        // 4
        h.put("4.1", judgement(f.choice("contextDetermined"), 2));
        h.put("4.2", Boolean.TRUE.equals(f.bool("riskRegisterUpdated")) ? 4 : 0);
        h.put("4.3", judgement(f.choice("riskActionsEvaluated"), 2));
        // 5
        long inScope = f.count("proceduresInScope");
        long withProcess = f.count("proceduresWithProcess");
        h.put("5.1", inScope == 0 || ratio(withProcess, inScope, 100) ? 12
                : ratio(withProcess, inScope, 90) ? 8 : ratio(withProcess, inScope, 80) ? 4 : 0);
        long changes = f.count("procedureChanges");
        long updated = f.count("changesUpdatedWithin30Days");
        h.put("5.2", changes == 0 || ratio(updated, changes, 100) ? 8 : ratio(updated, changes, 80) ? 4 : 0);
        long matching = f.count("processesMatchingOneStop");
        if (withProcess == 0) {
            h.put("5.3", inScope == 0 ? 4 : 0);
        } else {
            h.put("5.3", ratio(matching, withProcess, 100) ? 4 : ratio(matching, withProcess, 90) ? 2 : 0);
        }
        // 6
        h.put("6.1", judgement(f.choice("documentControl"), 3));
        h.put("6.2", judgement(f.choice("recordsAccessible"), 3));
        // 7: 7.1 worth 8, 7.3 new
        long resolved = f.count("dossiersResolved");
        long onTime = f.count("dossiersOnTime");
        if (resolved == 0 || ratio(onTime, resolved, 98)) {
            h.put("7.1", 16);
        } else if (ratio(onTime, resolved, 95)) {
            h.put("7.1", 12);
        } else if (ratio(onTime, resolved, 90)) {
            h.put("7.1", 8);
        } else if (ratio(onTime, resolved, 80)) {
            h.put("7.1", 4);
        } else {
            h.put("7.1", 0);
        }
        long late = resolved - onTime;
        long apologies = f.count("lateDossiersWithApology");
        h.put("7.2", late == 0 || ratio(apologies, late, 100) ? 4 : ratio(apologies, late, 50) ? 2 : 0);
        long received = f.count("dossiersReceived");
        long online = f.count("dossiersReceivedOnline");
        h.put("7.3", received == 0 || ratio(online, received, 80) ? 4 : ratio(online, received, 50) ? 2 : 0);
        // 8
        long responses = f.count("surveyResponses");
        long satisfied = f.count("satisfiedResponses");
        h.put("8.1", responses >= 30 ? 6 : responses >= 10 ? 3 : 0);
        if (responses == 0) {
            h.put("8.2", 0);
        } else {
            h.put("8.2", ratio(satisfied, responses, 90) ? 10 : ratio(satisfied, responses, 80) ? 6
                    : ratio(satisfied, responses, 70) ? 2 : 0);
        }
        // 9
        LocalDate auditDate = f.date("internalAuditDate");
        boolean audit = auditDate != null && auditDate.getYear() == year;
        h.put("9.1", !audit ? 0 : f.count("processesAudited") >= withProcess ? 10 : 5);
        h.put("9.2", audit ? judgement(f.choice("auditReport"), 3) : 0);
        // 10
        LocalDate reviewDate = f.date("managementReviewDate");
        boolean review = reviewDate != null && reviewDate.getYear() == year;
        h.put("10.1", review ? 8 : 0);
        h.put("10.2", review ? judgement(f.choice("reviewOutputs"), 2) : 0);
        // 11
        long found = f.count("nonconformitiesFound");
        long closed = f.count("nonconformitiesClosed");
        if (!audit) {
            h.put("11.1", 0);
        } else if (found == 0 || ratio(closed, found, 100)) {
            h.put("11.1", 8);
        } else {
            h.put("11.1", ratio(closed, found, 80) ? 6 : ratio(closed, found, 50) ? 3 : 0);
        }
        // 12
        String declaration = f.choice("declaration");
        h.put("12.1", declaration.equals("CURRENT") ? 8 : declaration.equals("OUTDATED") ? 4 : 0);
        // 13
        LocalDate deadline = f.date("reportDeadline");
        LocalDate submitted = f.date("reportSubmittedOn");
        h.put("13.1", submitted == null ? 0 : !submitted.isAfter(deadline) ? 4
                : !submitted.isAfter(deadline.plusDays(15)) ? 2 : 0);
        // 14: 14.2 the judgement electronicIso
        h.put("14.1", twoOneZero(f.count("improvementInitiatives")));
        h.put("14.2", judgement(f.choice("electronicIso"), 2));
        // 15, for every kind
        h.put("15.1", judgement(f.choice("publicDisclosure"), 5));
        long feedback = f.count("feedbackReceived");
        long feedbackResolved = f.count("feedbackResolved");
        h.put("15.2", feedback == 0 || ratio(feedbackResolved, feedback, 100) ? 6
                : ratio(feedbackResolved, feedback, 80) ? 4 : 0);
        return h;
    }

    /** {@code a/b >= p%}, exactly. */
    private static boolean ratio(long a, long b, long percent) {
        return 100L * a >= percent * b;
    }

    /** 2 points from 2, 1 point for 1, 0 for 0, in half points. */
    private static int twoOneZero(long count) {
        return count >= 2 ? 4 : count == 1 ? 2 : 0;
    }

    /** FULL: the maximum; PARTIAL: half; NONE: 0; in half points. */
    private static int judgement(String value, int max) {
        return switch (value) {
            case "FULL" -> 2 * max;
            case "PARTIAL" -> max;
            case "NONE" -> 0;
            default -> throw new IllegalArgumentException("judgement " + value);
        };
    }

    private static BigDecimal points(int halves) {
        return BigDecimal.valueOf(halves).divide(BigDecimal.valueOf(2));
    }
}
