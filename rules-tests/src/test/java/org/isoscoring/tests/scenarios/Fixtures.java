package org.isoscoring.tests.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Assessor;
import org.isoscoring.api.CommuneScoring;
import org.isoscoring.api.Declaration;
import org.isoscoring.api.Facts;
import org.isoscoring.api.IsoTeam;
import org.isoscoring.api.Judgement;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/** Requests made by hand for scenario tests: a base of facts that earns every point, changed one fact at a time. */
final class Fixtures {

    static final ScoringEngine ENGINE = ScoringEngine.create();
    static final int YEAR = 2022;

    private Fixtures() {
    }

    /** Facts that earn all 100 points for any kind but a district. */
    static Facts perfect() {
        return Facts.builder()
                .isoTeam(IsoTeam.CURRENT).annualPlanIssuedOn(LocalDate.of(2022, 3, 15))
                .leaderInvolvement(Judgement.FULL)
                .staffTotal(20).staffTrained(20).internalAuditors(2)
                .qualityPolicyPublished(true).objectivesSmart(Judgement.FULL).objectiveReviews(2)
                .contextDetermined(Judgement.FULL).riskRegisterUpdated(true).riskActionsEvaluated(Judgement.FULL)
                .proceduresInScope(10).proceduresWithProcess(10).procedureChanges(0).changesUpdatedWithin30Days(0)
                .processesMatchingOneStop(10)
                .documentControl(Judgement.FULL).recordsAccessible(Judgement.FULL)
                .dossiersResolved(100).dossiersOnTime(100).lateDossiersWithApology(0)
                .surveyResponses(30).satisfiedResponses(30)
                .internalAuditDate(LocalDate.of(2022, 9, 10)).processesAudited(10).auditReport(Judgement.FULL)
                .managementReviewDate(LocalDate.of(2022, 11, 20)).reviewOutputs(Judgement.FULL)
                .nonconformitiesFound(0).nonconformitiesClosed(0)
                .declaration(Declaration.CURRENT)
                .reportSubmittedOn(LocalDate.of(2022, 11, 28)).reportDeadline(LocalDate.of(2022, 12, 1))
                .improvementInitiatives(2).electronicDocuments(true)
                .publicDisclosure(Judgement.FULL).feedbackReceived(0).feedbackResolved(0)
                .build();
    }

    /** The perfect facts with some changed. */
    static Facts perfectBut(UnaryOperator<Facts.Builder> change) {
        return change.apply(perfect().toBuilder()).build();
    }

    /** Facts of a district: the perfect facts without the three facts of criterion 15 for other kinds. */
    static Facts districtFacts(UnaryOperator<Facts.Builder> change) {
        return change.apply(perfect().toBuilder().publicDisclosure(null).feedbackReceived(null)
                .feedbackResolved(null)).build();
    }

    /** A department assessed once by the province, with these facts: its one assessment result. */
    static AssessmentResult departmentScored(Facts facts) {
        ScoringRequest request = new ScoringRequest(null, YEAR, List.of(Agency.department("SO-A", "Sở A")),
                List.of(new Assessment("SO-A", Assessor.PROVINCE, facts)));
        return ENGINE.evaluate(request).assessments().get(0);
    }

    /** The points of one sub-criterion of a department with these facts. */
    static BigDecimal points(String criterion, Facts facts) {
        return departmentScored(facts).points().get(criterion);
    }

    /** Facts that earn no point at all. */
    static Facts worst() {
        return Facts.builder()
                .isoTeam(IsoTeam.MISSING).annualPlanIssuedOn(null).leaderInvolvement(Judgement.NONE)
                .staffTotal(20).staffTrained(0).internalAuditors(0)
                .qualityPolicyPublished(false).objectivesSmart(Judgement.NONE).objectiveReviews(0)
                .contextDetermined(Judgement.NONE).riskRegisterUpdated(false).riskActionsEvaluated(Judgement.NONE)
                .proceduresInScope(10).proceduresWithProcess(0).procedureChanges(10).changesUpdatedWithin30Days(0)
                .processesMatchingOneStop(0)
                .documentControl(Judgement.NONE).recordsAccessible(Judgement.NONE)
                .dossiersResolved(100).dossiersOnTime(0).lateDossiersWithApology(0)
                .surveyResponses(0).satisfiedResponses(0)
                .internalAuditDate(null).processesAudited(0).auditReport(Judgement.NONE)
                .managementReviewDate(null).reviewOutputs(Judgement.NONE)
                .nonconformitiesFound(0).nonconformitiesClosed(0)
                .declaration(Declaration.NONE)
                .reportSubmittedOn(null).reportDeadline(LocalDate.of(2022, 12, 1))
                .improvementInitiatives(0).electronicDocuments(false)
                .publicDisclosure(Judgement.NONE).feedbackReceived(10).feedbackResolved(0)
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
            new Loss("1.1", "2", b -> b.isoTeam(IsoTeam.OUTDATED)),
            new Loss("1.1", "3", b -> b.isoTeam(IsoTeam.MISSING)),
            new Loss("1.2", "1.5", b -> b.annualPlanIssuedOn(LocalDate.of(2022, 4, 1))),
            new Loss("1.2", "3", b -> b.annualPlanIssuedOn(null)),
            new Loss("1.3", "1", b -> b.leaderInvolvement(Judgement.PARTIAL)),
            new Loss("1.3", "2", b -> b.leaderInvolvement(Judgement.NONE)),
            new Loss("2.2", "1", b -> b.internalAuditors(1)),
            new Loss("3.1", "2", b -> b.qualityPolicyPublished(false)),
            new Loss("3.2", "2", b -> b.objectivesSmart(Judgement.NONE)),
            new Loss("4.1", "2", b -> b.contextDetermined(Judgement.NONE)),
            new Loss("4.2", "2", b -> b.riskRegisterUpdated(false)),
            new Loss("6.1", "1.5", b -> b.documentControl(Judgement.PARTIAL)),
            new Loss("6.1", "3", b -> b.documentControl(Judgement.NONE)),
            new Loss("6.2", "3", b -> b.recordsAccessible(Judgement.NONE)),
            new Loss("7.1", "2", b -> b.dossiersOnTime(95).lateDossiersWithApology(5)),
            new Loss("7.1", "5", b -> b.dossiersOnTime(90).lateDossiersWithApology(10)),
            new Loss("7.1", "10", b -> b.dossiersOnTime(0).lateDossiersWithApology(100)),
            new Loss("9.2", "3", b -> b.auditReport(Judgement.NONE)),
            new Loss("12.1", "4", b -> b.declaration(Declaration.NONE)),
            new Loss("13.1", "2", b -> b.reportSubmittedOn(null)),
            new Loss("14.2", "2", b -> b.electronicDocuments(false)),
            new Loss("15.1", "2.5", b -> b.publicDisclosure(Judgement.PARTIAL)),
            new Loss("15.1", "5", b -> b.publicDisclosure(Judgement.NONE)),
            new Loss("2.1", "4", b -> b.staffTrained(0)),
            new Loss("3.3", "2", b -> b.objectiveReviews(0)),
            new Loss("4.3", "2", b -> b.riskActionsEvaluated(Judgement.NONE)),
            new Loss("5.2", "4", b -> b.procedureChanges(10).changesUpdatedWithin30Days(0)),
            new Loss("8", "8", b -> b.surveyResponses(0).satisfiedResponses(0)),
            new Loss("10", "6", b -> b.managementReviewDate(null)),
            new Loss("14.1", "2", b -> b.improvementInitiatives(0)));

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

        Province district(String id, CommuneScoring scoring) {
            agencies.add(Agency.district(id, "Huyện " + id, scoring));
            return this;
        }

        Province commune(String id, String district) {
            agencies.add(Agency.commune(id, "Xã " + id, district));
            return this;
        }

        Province assess(String agency, Assessor assessor, Facts facts) {
            assessments.add(new Assessment(agency, assessor, facts));
            return this;
        }

        Province assessWorth(String agency, Assessor assessor, String total) {
            return assess(agency, assessor, factsWorth(total));
        }

        ScoringRequest request() {
            return new ScoringRequest(null, YEAR, agencies, assessments);
        }

        ScoringResult score() {
            return ENGINE.evaluate(request());
        }
    }

    /** The on-site record of a district that scored these communes and sent its results in time. */
    static CommuneScoring onSite(String... communes) {
        return new CommuneScoring(List.of(communes), LocalDate.of(2022, 11, 10), LocalDate.of(2022, 11, 15));
    }
}
