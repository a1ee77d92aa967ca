package org.isoscoring.drools;

import org.isoscoring.api.Facts;

/**
 * Two sets of facts to start from: one that meets every criterion of the bundled guidance, one that meets none.
 * Scenario tests change a few facts of one of them; {@code check} varies them to probe the bands.
 */
public final class BaseFacts {

    private BaseFacts() {
    }

    /** Facts that earn every point in the bundled guidance. */
    public static Facts allMet(int year) {
        return Facts.builder()
                .isoTeam(org.isoscoring.api.IsoTeam.CURRENT).annualPlanIssuedOn(java.time.LocalDate.of(year, 3, 15))
                .leaderInvolvement(org.isoscoring.api.Judgement.FULL)
                .staffTotal(20).staffTrained(20).internalAuditors(2)
                .qualityPolicyPublished(true).objectivesSmart(org.isoscoring.api.Judgement.FULL).objectiveReviews(2)
                .contextDetermined(org.isoscoring.api.Judgement.FULL).riskRegisterUpdated(true)
                .riskActionsEvaluated(org.isoscoring.api.Judgement.FULL)
                .proceduresInScope(10).proceduresWithProcess(10).procedureChanges(0).changesUpdatedWithin30Days(0)
                .processesMatchingOneStop(10)
                .documentControl(org.isoscoring.api.Judgement.FULL).recordsAccessible(org.isoscoring.api.Judgement.FULL)
                .dossiersResolved(100).dossiersOnTime(100).lateDossiersWithApology(0)
                .surveyResponses(30).satisfiedResponses(30)
                .internalAuditDate(java.time.LocalDate.of(year, 9, 10)).processesAudited(10)
                .auditReport(org.isoscoring.api.Judgement.FULL)
                .managementReviewDate(java.time.LocalDate.of(year, 11, 20)).reviewOutputs(org.isoscoring.api.Judgement.FULL)
                .nonconformitiesFound(0).nonconformitiesClosed(0)
                .declaration(org.isoscoring.api.Declaration.CURRENT)
                .reportSubmittedOn(java.time.LocalDate.of(year, 11, 28)).reportDeadline(java.time.LocalDate.of(year, 12, 1))
                .improvementInitiatives(2).electronicDocuments(true)
                .publicDisclosure(org.isoscoring.api.Judgement.FULL).feedbackReceived(0).feedbackResolved(0)
                .build();
    }

    /** Facts that earn no point in the bundled guidance. */
    public static Facts noneMet(int year) {
        return allMet(year).toBuilder()
                .isoTeam(org.isoscoring.api.IsoTeam.MISSING).annualPlanIssuedOn(null)
                .leaderInvolvement(org.isoscoring.api.Judgement.NONE).staffTrained(0).internalAuditors(0)
                .qualityPolicyPublished(false).objectivesSmart(org.isoscoring.api.Judgement.NONE).objectiveReviews(0)
                .contextDetermined(org.isoscoring.api.Judgement.NONE).riskRegisterUpdated(false)
                .riskActionsEvaluated(org.isoscoring.api.Judgement.NONE)
                .proceduresWithProcess(0).procedureChanges(10).changesUpdatedWithin30Days(0).processesMatchingOneStop(0)
                .documentControl(org.isoscoring.api.Judgement.NONE).recordsAccessible(org.isoscoring.api.Judgement.NONE)
                .dossiersOnTime(0).surveyResponses(0).satisfiedResponses(0)
                .internalAuditDate(null).processesAudited(0).auditReport(org.isoscoring.api.Judgement.NONE)
                .managementReviewDate(null).reviewOutputs(org.isoscoring.api.Judgement.NONE)
                .declaration(org.isoscoring.api.Declaration.NONE).reportSubmittedOn(null)
                .improvementInitiatives(0).electronicDocuments(false)
                .publicDisclosure(org.isoscoring.api.Judgement.NONE).feedbackReceived(10).feedbackResolved(0)
                .build();
    }
}
