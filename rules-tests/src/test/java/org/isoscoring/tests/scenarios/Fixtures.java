package org.isoscoring.tests.scenarios;

import static org.isoscoring.tests.support.Requests.communeScoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Facts;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/** Requests made by hand for scenario tests: a base of facts that earns every point, changed one fact at a time. */
final class Fixtures {

    static final ScoringEngine ENGINE = ScoringEngine.create();
    static final int YEAR = 2022;

    /** The assessors of SCORING.md §2. */
    static final String SELF = "SELF";
    static final String DISTRICT = "DISTRICT";
    static final String PROVINCE = "PROVINCE";

    private Fixtures() {
    }

    /** Facts that earn all 100 points for any kind but a district. */
    static Facts perfect() {
        return Facts.builder()
                .set("isoTeam", "CURRENT").set("annualPlanIssuedOn", LocalDate.of(2022, 3, 15))
                .set("leaderInvolvement", "FULL")
                .set("staffTotal", 20).set("staffTrained", 20).set("internalAuditors", 2)
                .set("qualityPolicyPublished", true).set("objectivesSmart", "FULL").set("objectiveReviews", 2)
                .set("contextDetermined", "FULL").set("riskRegisterUpdated", true).set("riskActionsEvaluated", "FULL")
                .set("proceduresInScope", 10).set("proceduresWithProcess", 10).set("procedureChanges", 0)
                .set("changesUpdatedWithin30Days", 0)
                .set("processesMatchingOneStop", 10)
                .set("documentControl", "FULL").set("recordsAccessible", "FULL")
                .set("dossiersResolved", 100).set("dossiersOnTime", 100).set("lateDossiersWithApology", 0)
                .set("surveyResponses", 30).set("satisfiedResponses", 30)
                .set("internalAuditDate", LocalDate.of(2022, 9, 10)).set("processesAudited", 10)
                .set("auditReport", "FULL")
                .set("managementReviewDate", LocalDate.of(2022, 11, 20)).set("reviewOutputs", "FULL")
                .set("nonconformitiesFound", 0).set("nonconformitiesClosed", 0)
                .set("declaration", "CURRENT")
                .set("reportSubmittedOn", LocalDate.of(2022, 11, 28)).set("reportDeadline", LocalDate.of(2022, 12, 1))
                .set("improvementInitiatives", 2).set("electronicDocuments", true)
                .set("publicDisclosure", "FULL").set("feedbackReceived", 0).set("feedbackResolved", 0)
                .build();
    }

    /** The perfect facts with some changed. */
    static Facts perfectBut(UnaryOperator<Facts.Builder> change) {
        return change.apply(perfect().toBuilder()).build();
    }

    /** Facts of a district: the perfect facts without the three facts of criterion 15 for other kinds. */
    static Facts districtFacts(UnaryOperator<Facts.Builder> change) {
        return change.apply(perfect().toBuilder().remove("publicDisclosure").remove("feedbackReceived")
                .remove("feedbackResolved")).build();
    }

    /** A department assessed once by the province, with these facts: its one assessment result. */
    static AssessmentResult departmentScored(Facts facts) {
        ScoringRequest request = new ScoringRequest(null, YEAR, List.of(Agency.of("SO-A", "Sở A", "DEPARTMENT")),
                List.of(new Assessment("SO-A", "PROVINCE", facts)));
        return ENGINE.evaluate(request).assessments().get(0);
    }

    /** The points of one sub-criterion of a department with these facts. */
    static BigDecimal points(String criterion, Facts facts) {
        return departmentScored(facts).points().get(criterion);
    }

    /** Facts that earn no point at all. */
    static Facts worst() {
        return Facts.builder()
                .set("isoTeam", "MISSING").set("annualPlanIssuedOn", null).set("leaderInvolvement", "NONE")
                .set("staffTotal", 20).set("staffTrained", 0).set("internalAuditors", 0)
                .set("qualityPolicyPublished", false).set("objectivesSmart", "NONE").set("objectiveReviews", 0)
                .set("contextDetermined", "NONE").set("riskRegisterUpdated", false).set("riskActionsEvaluated", "NONE")
                .set("proceduresInScope", 10).set("proceduresWithProcess", 0).set("procedureChanges", 10)
                .set("changesUpdatedWithin30Days", 0)
                .set("processesMatchingOneStop", 0)
                .set("documentControl", "NONE").set("recordsAccessible", "NONE")
                .set("dossiersResolved", 100).set("dossiersOnTime", 0).set("lateDossiersWithApology", 0)
                .set("surveyResponses", 0).set("satisfiedResponses", 0)
                .set("internalAuditDate", null).set("processesAudited", 0).set("auditReport", "NONE")
                .set("managementReviewDate", null).set("reviewOutputs", "NONE")
                .set("nonconformitiesFound", 0).set("nonconformitiesClosed", 0)
                .set("declaration", "NONE")
                .set("reportSubmittedOn", null).set("reportDeadline", LocalDate.of(2022, 12, 1))
                .set("improvementInitiatives", 0).set("electronicDocuments", false)
                .set("publicDisclosure", "NONE").set("feedbackReceived", 10).set("feedbackResolved", 0)
                .build();
    }

    /** One way to lose points on one sub-criterion, starting from the perfect facts. */
    private record Loss(String criterion, String points, UnaryOperator<Facts.Builder> change) {
        int halves() {
            return new BigDecimal(points).multiply(new BigDecimal(2)).intValueExact();
        }
    }

    /** At most one loss per sub-criterion is taken; the losses of one sub-criterion are alternatives. */
    private static final List<Loss> LOSSES = List.of(
            new Loss("1.1", "2", b -> b.set("isoTeam", "OUTDATED")),
            new Loss("1.1", "3", b -> b.set("isoTeam", "MISSING")),
            new Loss("1.2", "1.5", b -> b.set("annualPlanIssuedOn", LocalDate.of(2022, 4, 1))),
            new Loss("1.2", "3", b -> b.set("annualPlanIssuedOn", null)),
            new Loss("1.3", "1", b -> b.set("leaderInvolvement", "PARTIAL")),
            new Loss("1.3", "2", b -> b.set("leaderInvolvement", "NONE")),
            new Loss("2.2", "1", b -> b.set("internalAuditors", 1)),
            new Loss("3.1", "2", b -> b.set("qualityPolicyPublished", false)),
            new Loss("3.2", "2", b -> b.set("objectivesSmart", "NONE")),
            new Loss("4.1", "2", b -> b.set("contextDetermined", "NONE")),
            new Loss("4.2", "2", b -> b.set("riskRegisterUpdated", false)),
            new Loss("6.1", "1.5", b -> b.set("documentControl", "PARTIAL")),
            new Loss("6.1", "3", b -> b.set("documentControl", "NONE")),
            new Loss("6.2", "3", b -> b.set("recordsAccessible", "NONE")),
            new Loss("7.1", "2", b -> b.set("dossiersOnTime", 95).set("lateDossiersWithApology", 5)),
            new Loss("7.1", "5", b -> b.set("dossiersOnTime", 90).set("lateDossiersWithApology", 10)),
            new Loss("7.1", "10", b -> b.set("dossiersOnTime", 0).set("lateDossiersWithApology", 100)),
            new Loss("9.2", "3", b -> b.set("auditReport", "NONE")),
            new Loss("12.1", "4", b -> b.set("declaration", "NONE")),
            new Loss("13.1", "2", b -> b.set("reportSubmittedOn", null)),
            new Loss("14.2", "2", b -> b.set("electronicDocuments", false)),
            new Loss("15.1", "2.5", b -> b.set("publicDisclosure", "PARTIAL")),
            new Loss("15.1", "5", b -> b.set("publicDisclosure", "NONE")),
            new Loss("2.1", "4", b -> b.set("staffTrained", 0)),
            new Loss("3.3", "2", b -> b.set("objectiveReviews", 0)),
            new Loss("4.3", "2", b -> b.set("riskActionsEvaluated", "NONE")),
            new Loss("5.2", "4", b -> b.set("procedureChanges", 10).set("changesUpdatedWithin30Days", 0)),
            new Loss("8", "8", b -> b.set("surveyResponses", 0).set("satisfiedResponses", 0)),
            new Loss("10", "6", b -> b.set("managementReviewDate", null)),
            new Loss("14.1", "2", b -> b.set("improvementInitiatives", 0)));

    /** Facts (not of a district) whose total is exactly {@code total}, from 23 to 100 in steps of 0.5 (but not 99.5). */
    static Facts factsWorth(String total) {
        int target = new BigDecimal(100).subtract(new BigDecimal(total)).multiply(new BigDecimal(2)).intValueExact();
        List<String> criteria = LOSSES.stream().map(Loss::criterion).distinct().toList();
        // reach[i][h]: the loss chosen for criteria[i-1] on a way to lose h half-points with the first i criteria
        Loss[][] chosen = new Loss[criteria.size() + 1][target + 1];
        boolean[][] reach = new boolean[criteria.size() + 1][target + 1];
        reach[0][0] = true;
        for (int i = 1; i <= criteria.size(); i++) {
            String c = criteria.get(i - 1);
            for (int h = 0; h <= target; h++) {
                if (reach[i - 1][h]) {
                    reach[i][h] = true;
                    continue;
                }
                for (Loss loss : LOSSES) {
                    if (loss.criterion().equals(c) && loss.halves() <= h && reach[i - 1][h - loss.halves()]) {
                        reach[i][h] = true;
                        chosen[i][h] = loss;
                        break;
                    }
                }
            }
        }
        if (!reach[criteria.size()][target]) {
            throw new IllegalArgumentException("no fixture for a total of " + total);
        }
        Facts.Builder b = perfect().toBuilder();
        for (int i = criteria.size(), h = target; i > 0; i--) {
            Loss loss = chosen[i][h];
            if (loss != null) {
                loss.change().apply(b);
                h -= loss.halves();
            }
        }
        return b.build();
    }

    /** A district with communes; each commune gets the assessments given, by assessor, as facts worth a total. */
    static final class Province {
        private final List<Agency> agencies = new ArrayList<>();
        private final List<Assessment> assessments = new ArrayList<>();

        Province district(String id, Facts scoring) {
            agencies.add(Agency.of(id, "Huyện " + id, "DISTRICT").withRecord(scoring));
            return this;
        }

        Province commune(String id, String district) {
            agencies.add(Agency.of(id, "Xã " + id, "COMMUNE").within(district));
            return this;
        }

        Province assess(String agency, String assessor, Facts facts) {
            assessments.add(new Assessment(agency, assessor, facts));
            return this;
        }

        Province assessWorth(String agency, String assessor, String total) {
            return assess(agency, assessor, factsWorth(total));
        }

        ScoringRequest request() {
            return new ScoringRequest(null, YEAR, agencies, assessments);
        }

        ScoringResult score() {
            return ENGINE.evaluate(request());
        }
    }

    /** The {@code communeScoring} of a district that scored these communes on site and sent its results in time. */
    static Facts onSite(String... communes) {
        return communeScoring(List.of(communes), LocalDate.of(2022, 11, 10), LocalDate.of(2022, 11, 15));
    }
}
