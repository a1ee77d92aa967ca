package org.isoscoring.tests.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
 * An independent reference model of the guidance {@code bac-giang-2022}, written directly from
 * {@code SCORING.md} in plain Java. It shares no code with {@code rules-drools}: only the records of
 * {@code rules-api}, whose facts it reads by the names of SCORING.md and FORMAT.md (not from the guidance's
 * declarations: the kinds, assessors, ratings and figures are written here as SCORING.md names them). The property
 * suite compares the engine with it figure by figure, so a threshold, a point value, the 15.2 rule or the
 * over-scoring penalty changed in a rule file cannot pass unnoticed.
 *
 * <p>Arithmetic is exact: points are kept in half points ({@code int}), ratios {@code a/b >= p%} are compared
 * as {@code 100·a >= p·b} in {@code long}s. The request is assumed valid ({@code RequestChecks} finds nothing).
 * Explanations are not modelled (the list is empty); the engine's explanations are checked by properties of
 * their own.
 */
public final class ReferenceScorer {

    /** The guidance this model reproduces. */
    public static final String GUIDANCE = "bac-giang-2022";

    /** The 31 sub-criteria of the catalog, in catalog order. */
    public static final List<String> CRITERIA = List.of(
            "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
            "6.1", "6.2", "7.1", "7.2", "8.1", "8.2", "9.1", "9.2", "10.1", "10.2", "11.1", "12.1", "13.1",
            "14.1", "14.2", "15.1", "15.2");

    /** The maximum of every sub-criterion, in catalog order (SCORING.md §3). */
    public static final Map<String, BigDecimal> MAX;

    /** The two kinds of agency whose rules differ (SCORING.md §2, §3): a district and its communes. */
    private static final String DISTRICT = "DISTRICT";
    private static final String COMMUNE = "COMMUNE";

    /** The result's group of district reports (FORMAT.md, "districts"). */
    public static final String DISTRICTS = "districts";

    /** The penalty for over-scoring (SCORING.md §4). */
    public static final BigDecimal PENALTY = BigDecimal.valueOf(3);

    static {
        int[] max = {3, 3, 2, 4, 2, 2, 2, 2, 2, 2, 2, 6, 4, 2, 3, 3, 10, 2, 3, 5, 5, 3, 4, 2, 4, 4, 2, 2, 2, 5, 3};
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < CRITERIA.size(); i++) {
            m.put(CRITERIA.get(i), BigDecimal.valueOf(max[i]));
        }
        MAX = Collections.unmodifiableMap(m);
    }

    private ReferenceScorer() {
    }

    /** Scores a valid request exactly as SCORING.md says. */
    public static ScoringResult score(ScoringRequest request) {
        int year = request.year();
        Map<String, Agency> agencies = new HashMap<>();
        Map<String, List<String>> communesOf = new HashMap<>();
        for (Agency agency : request.agencies()) {
            agencies.put(agency.id(), agency);
        }
        for (Agency agency : request.agencies()) {
            if (agency.kind().equals(COMMUNE)) {
                communesOf.computeIfAbsent(agency.parent(), k -> new ArrayList<>()).add(agency.id());
            }
        }
        List<Assessment> assessments = request.assessments();
        int size = assessments.size();

        // 1. Criteria 1-14 for everyone, criterion 15 for every kind but a district (half points).
        List<Map<String, Integer>> halves = new ArrayList<>(size);
        for (Assessment assessment : assessments) {
            String kind = agencies.get(assessment.agency()).kind();
            halves.add(criteria(assessment.facts(), kind, year));
        }

        // 2. Final assessment of every agency: PROVINCE over DISTRICT over SELF.
        Map<String, Integer> finalIndex = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Assessment a = assessments.get(i);
            Integer current = finalIndex.get(a.agency());
            if (current == null || rank(a.assessor()) > rank(assessments.get(current).assessor())) {
                finalIndex.put(a.agency(), i);
            }
        }

        Map<String, Integer> totalOf = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Assessment a = assessments.get(i);
            totalOf.put(a.agency() + "/" + a.assessor(), sum(halves.get(i)));
        }

        // 3. Districts: criterion 15 from the commune-scoring record and the communes' final totals; the
        //    communes' totals never depend on their district, so they are known here.
        Map<String, DistrictFigures> districtFigures = new HashMap<>();
        for (Agency agency : request.agencies()) {
            if (!agency.kind().equals(DISTRICT)) {
                continue;
            }
            List<String> communes = communesOf.getOrDefault(agency.id(), List.of());
            int n = communes.size();
            int atLeast80 = 0;
            int appraised = 0;
            List<String> overScored = new ArrayList<>();
            for (String commune : communes) {
                Integer fin = finalIndex.get(commune);
                if (fin != null && sum(halves.get(fin)) >= 160) {
                    atLeast80++;
                }
                Integer byDistrict = totalOf.get(commune + "/DISTRICT");
                Integer byProvince = totalOf.get(commune + "/PROVINCE");
                if (byProvince != null) {
                    appraised++;
                }
                // 100 · districtTotal > 110 · provinceTotal (both in half points: same factor on each side)
                if (byDistrict != null && byProvince != null && 100L * byDistrict > 110L * byProvince) {
                    overScored.add(commune);
                }
            }
            Collections.sort(overScored);
            Facts scoring = agency.record(); // communeScoring
            @SuppressWarnings("unchecked")
            List<String> onSiteCommunes = (List<String>) scoring.get("onSiteCommunes");
            int onSite = new HashSet<>(onSiteCommunes).size();
            int onSiteRequired = ceilDiv(n, 3);
            int sampleSize = Math.max(1, ceilDiv(n * 10, 100));
            LocalDate sentOn = scoring.date("resultsSentOn");
            int c151 = (onSite >= onSiteRequired ? 6 : 0)
                    + (sentOn != null && !sentOn.isAfter(scoring.date("resultsDeadline")) ? 4 : 0);
            int c152;
            if (atLeast80 == n) {
                c152 = 6;
            } else if (atLeast(atLeast80, n, 90)) {
                c152 = 4;
            } else if (atLeast(atLeast80, n, 70)) {
                c152 = 2;
            } else {
                c152 = 0;
            }
            districtFigures.put(agency.id(), new DistrictFigures(n, onSiteRequired, onSite, sampleSize, appraised,
                    atLeast80, overScored, c151, c152));
        }

        // 4. Assessment results, with the penalty on a district's final assessment only.
        List<AssessmentResult> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Assessment a = assessments.get(i);
            Map<String, Integer> h = halves.get(i);
            DistrictFigures district = districtFigures.get(a.agency());
            if (district != null) {
                h.put("15.1", district.c151);
                h.put("15.2", district.c152);
            }
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (String id : CRITERIA) {
                points.put(id, points(h.get(id)));
            }
            int subtotal = sum(h);
            boolean penalised = district != null && !district.overScored.isEmpty() && finalIndex.get(a.agency()) == i;
            int penalty = penalised ? 6 : 0;
            int total = Math.max(0, subtotal - penalty);
            results.add(new AssessmentResult(a.agency(), a.assessor(), points, points(subtotal), points(penalty),
                    points(total), rating(total), List.of()));
        }

        // 5. Final results of the agencies with an assessment, sorted by id.
        List<AgencyResult> agencyResults = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(finalIndex).entrySet()) {
            AssessmentResult r = results.get(e.getValue());
            agencyResults.add(new AgencyResult(e.getKey(), r.assessor(), r.total(), r.rating()));
        }

        // 6. District reports, sorted by id, with the figures of FORMAT.md in its order.
        List<GroupReport> reports = new ArrayList<>();
        for (Map.Entry<String, DistrictFigures> e : new TreeMap<>(districtFigures).entrySet()) {
            DistrictFigures d = e.getValue();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("communes", d.communes);
            figures.put("onSiteRequired", d.onSiteRequired);
            figures.put("onSite", d.onSite);
            figures.put("provinceSampleSize", d.sampleSize);
            figures.put("provinceAppraised", d.appraised);
            figures.put("communesAtLeast80", d.atLeast80);
            figures.put("overScoredCommunes", List.copyOf(d.overScored));
            figures.put("penalty", d.overScored.isEmpty() ? BigDecimal.ZERO : PENALTY);
            reports.add(new GroupReport(DISTRICTS, e.getKey(), figures));
        }
        return new ScoringResult(GUIDANCE, year, "reference", results, agencyResults, Map.of(DISTRICTS, reports));
    }

    /** The rating of a total (SCORING.md §5). */
    public static String rating(BigDecimal total) {
        return rating(total.multiply(BigDecimal.valueOf(2)).intValueExact());
    }

    private record DistrictFigures(int communes, int onSiteRequired, int onSite, int sampleSize, int appraised,
                                   int atLeast80, List<String> overScored, int c151, int c152) {
    }

    private static int rank(String assessor) {
        return switch (assessor) {
            case "SELF" -> 0;
            case "DISTRICT" -> 1;
            case "PROVINCE" -> 2;
            default -> throw new IllegalArgumentException("no assessor " + assessor + " in SCORING.md");
        };
    }

    /** Points of criteria 1-14 (and 15 for a kind other than a district), in half points. */
    private static Map<String, Integer> criteria(Facts f, String kind, int year) {
        Map<String, Integer> h = new HashMap<>();
        // 1. Leadership
        h.put("1.1", switch (f.choice("isoTeam")) {
            case "CURRENT" -> 6;
            case "OUTDATED" -> 2;
            case "MISSING" -> 0;
            default -> throw new IllegalArgumentException("isoTeam " + f.choice("isoTeam"));
        });
        LocalDate plan = f.date("annualPlanIssuedOn");
        if (plan != null && !plan.isAfter(LocalDate.of(year, 3, 31))) {
            h.put("1.2", 6);
        } else if (plan != null && plan.getYear() == year) {
            h.put("1.2", 3);
        } else {
            h.put("1.2", 0);
        }
        h.put("1.3", judgement(f.choice("leaderInvolvement"), 2));
        // 2. Training
        if (atLeast(f.count("staffTrained"), f.count("staffTotal"), 90)) {
            h.put("2.1", 8);
        } else if (atLeast(f.count("staffTrained"), f.count("staffTotal"), 70)) {
            h.put("2.1", 4);
        } else {
            h.put("2.1", 0);
        }
        h.put("2.2", f.count("internalAuditors") >= 2 ? 4 : f.count("internalAuditors") == 1 ? 2 : 0);
        // 3. Policy and objectives
        h.put("3.1", f.bool("qualityPolicyPublished") ? 4 : 0);
        h.put("3.2", judgement(f.choice("objectivesSmart"), 2));
        h.put("3.3", f.count("objectiveReviews") >= 2 ? 4 : f.count("objectiveReviews") == 1 ? 2 : 0);
        // 4. Context, risks
        h.put("4.1", judgement(f.choice("contextDetermined"), 2));
        h.put("4.2", f.bool("riskRegisterUpdated") ? 4 : 0);
        h.put("4.3", judgement(f.choice("riskActionsEvaluated"), 2));
        // 5. Internal processes of administrative procedures
        int scope = f.count("proceduresInScope");
        int withProcess = f.count("proceduresWithProcess");
        if (scope == 0 || withProcess == scope) {
            h.put("5.1", 12);
        } else if (atLeast(withProcess, scope, 90)) {
            h.put("5.1", 8);
        } else if (atLeast(withProcess, scope, 80)) {
            h.put("5.1", 4);
        } else {
            h.put("5.1", 0);
        }
        int changes = f.count("procedureChanges");
        int updated = f.count("changesUpdatedWithin30Days");
        if (changes == 0 || updated == changes) {
            h.put("5.2", 8);
        } else if (atLeast(updated, changes, 80)) {
            h.put("5.2", 4);
        } else {
            h.put("5.2", 0);
        }
        int matching = f.count("processesMatchingOneStop");
        if (withProcess == 0) {
            h.put("5.3", scope == 0 ? 4 : 0);
        } else if (matching == withProcess) {
            h.put("5.3", 4);
        } else if (atLeast(matching, withProcess, 90)) {
            h.put("5.3", 2);
        } else {
            h.put("5.3", 0);
        }
        // 6. Documents and records
        h.put("6.1", judgement(f.choice("documentControl"), 3));
        h.put("6.2", judgement(f.choice("recordsAccessible"), 3));
        // 7. Dossiers
        int resolved = f.count("dossiersResolved");
        int onTime = f.count("dossiersOnTime");
        if (resolved == 0 || atLeast(onTime, resolved, 98)) {
            h.put("7.1", 20);
        } else if (atLeast(onTime, resolved, 95)) {
            h.put("7.1", 16);
        } else if (atLeast(onTime, resolved, 90)) {
            h.put("7.1", 10);
        } else if (atLeast(onTime, resolved, 80)) {
            h.put("7.1", 4);
        } else {
            h.put("7.1", 0);
        }
        int late = resolved - onTime;
        int apology = f.count("lateDossiersWithApology");
        if (late == 0 || apology == late) {
            h.put("7.2", 4);
        } else if (atLeast(apology, late, 50)) {
            h.put("7.2", 2);
        } else {
            h.put("7.2", 0);
        }
        // 8. Satisfaction
        int survey = f.count("surveyResponses");
        h.put("8.1", survey >= 30 ? 6 : survey >= 10 ? 3 : 0);
        int satisfied = f.count("satisfiedResponses");
        if (survey == 0) {
            h.put("8.2", 0);
        } else if (atLeast(satisfied, survey, 90)) {
            h.put("8.2", 10);
        } else if (atLeast(satisfied, survey, 80)) {
            h.put("8.2", 6);
        } else if (atLeast(satisfied, survey, 70)) {
            h.put("8.2", 2);
        } else {
            h.put("8.2", 0);
        }
        // 9. Internal audit
        boolean audit = inYear(f.date("internalAuditDate"), year);
        if (!audit) {
            h.put("9.1", 0);
        } else if (f.count("processesAudited") >= withProcess) {
            h.put("9.1", 10);
        } else {
            h.put("9.1", 5);
        }
        h.put("9.2", audit ? judgement(f.choice("auditReport"), 3) : 0);
        // 10. Management review
        boolean review = inYear(f.date("managementReviewDate"), year);
        h.put("10.1", review ? 8 : 0);
        h.put("10.2", review ? judgement(f.choice("reviewOutputs"), 2) : 0);
        // 11. Nonconformities
        int found = f.count("nonconformitiesFound");
        int closed = f.count("nonconformitiesClosed");
        if (!audit) {
            h.put("11.1", 0);
        } else if (found == 0 || closed == found) {
            h.put("11.1", 8);
        } else if (atLeast(closed, found, 80)) {
            h.put("11.1", 6);
        } else if (atLeast(closed, found, 50)) {
            h.put("11.1", 3);
        } else {
            h.put("11.1", 0);
        }
        // 12. Declaration
        h.put("12.1", switch (f.choice("declaration")) {
            case "CURRENT" -> 8;
            case "OUTDATED" -> 4;
            case "NONE" -> 0;
            default -> throw new IllegalArgumentException("declaration " + f.choice("declaration"));
        });
        // 13. Report
        LocalDate submitted = f.date("reportSubmittedOn");
        LocalDate deadline = f.date("reportDeadline");
        if (submitted != null && !submitted.isAfter(deadline)) {
            h.put("13.1", 4);
        } else if (submitted != null && !submitted.isAfter(deadline.plusDays(15))) {
            h.put("13.1", 2);
        } else {
            h.put("13.1", 0);
        }
        // 14. Improvement
        h.put("14.1", f.count("improvementInitiatives") >= 2 ? 4 : f.count("improvementInitiatives") == 1 ? 2 : 0);
        h.put("14.2", f.bool("electronicDocuments") ? 4 : 0);
        // 15. Public oversight, for every kind but a district (a district's comes from its communes)
        if (kind.equals(DISTRICT)) {
            h.put("15.1", 0);
            h.put("15.2", 0);
        } else {
            h.put("15.1", judgement(f.choice("publicDisclosure"), 5));
            int received = f.count("feedbackReceived");
            int fixed = f.count("feedbackResolved");
            if (received == 0 || fixed == received) {
                h.put("15.2", 6);
            } else if (atLeast(fixed, received, 80)) {
                h.put("15.2", 4);
            } else {
                h.put("15.2", 0);
            }
        }
        return h;
    }

    /** A judgement worth the maximum, half of it, or 0; in half points. */
    private static int judgement(String judgement, int max) {
        return switch (judgement) {
            case "FULL" -> 2 * max;
            case "PARTIAL" -> max;
            case "NONE" -> 0;
            default -> throw new IllegalArgumentException("judgement " + judgement);
        };
    }

    /** {@code a/b >= p%}, exactly: {@code 100·a >= p·b}. */
    private static boolean atLeast(long a, long b, long percent) {
        return 100L * a >= percent * b;
    }

    private static boolean inYear(LocalDate date, int year) {
        return date != null && date.getYear() == year;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int sum(Map<String, Integer> halves) {
        int s = 0;
        for (String id : CRITERIA) {
            s += halves.get(id);
        }
        return s;
    }

    private static BigDecimal points(int halves) {
        return halves % 2 == 0 ? BigDecimal.valueOf(halves / 2) : new BigDecimal(halves / 2 + ".5");
    }

    private static String rating(int totalHalves) {
        if (totalHalves >= 180) {
            return "EXCELLENT";
        } else if (totalHalves >= 160) {
            return "GOOD";
        } else if (totalHalves >= 140) {
            return "FAIR";
        } else if (totalHalves >= 100) {
            return "AVERAGE";
        }
        return "WEAK";
    }
}
