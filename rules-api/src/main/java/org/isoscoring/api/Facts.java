package org.isoscoring.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What an assessor found in one agency: every fact of the catalog (SCORING.md §3, FORMAT.md), named as in the
 * JSON contract. Counts are whole numbers; the four dates of things that may not have happened are
 * {@code null} when they did not. The three facts of criterion 15 for kinds other than a district are
 * {@code null} for a district.
 *
 * <p>The record holds what it is given: a request is checked as a whole by the engine, which lists every
 * problem with its place, instead of failing on the first. Build one with {@link #builder()}.
 *
 * @param isoTeam 1.1: the decision setting up the ISO team
 * @param annualPlanIssuedOn 1.2: the day the annual ISO plan was issued, or null
 * @param leaderInvolvement 1.3: the head of the agency leads the work in person
 * @param staffTotal 2.1: civil servants of the agency (at least 1)
 * @param staffTrained 2.1: of them, trained in TCVN ISO 9001:2015
 * @param internalAuditors 2.2: qualified internal auditors
 * @param qualityPolicyPublished 3.1: the quality policy is issued and public
 * @param objectivesSmart 3.2: quality objectives are SMART
 * @param objectiveReviews 3.3: reviews of how far the objectives were met
 * @param contextDetermined 4.1: context and interested parties determined
 * @param riskRegisterUpdated 4.2: the risk and opportunity register was updated in the year
 * @param riskActionsEvaluated 4.3: the effect of risk actions was evaluated
 * @param proceduresInScope 5.1: administrative procedures the agency handles
 * @param proceduresWithProcess 5.1: of them, with an ISO process
 * @param procedureChanges 5.2: procedures changed in the year
 * @param changesUpdatedWithin30Days 5.2: of them, whose process was updated within 30 days
 * @param processesMatchingOneStop 5.3: ISO processes that match the electronic one-stop software
 * @param documentControl 6.1: documents listed and versions controlled
 * @param recordsAccessible 6.2: records easy to find, see and take
 * @param dossiersResolved 7.1: dossiers resolved in the year
 * @param dossiersOnTime 7.1: of them, resolved on time
 * @param lateDossiersWithApology 7.2: late dossiers with a letter of apology
 * @param surveyResponses 8.1: satisfaction survey responses
 * @param satisfiedResponses 8.2: of them, satisfied
 * @param internalAuditDate 9.1: the day of the internal audit, or null
 * @param processesAudited 9.1: processes covered by the internal audit
 * @param auditReport 9.2: the audit report and its findings
 * @param managementReviewDate 10.1: the day of the management review meeting, or null
 * @param reviewOutputs 10.2: outputs of the review (improvement decisions, resources)
 * @param nonconformitiesFound 11.1: nonconformities found
 * @param nonconformitiesClosed 11.1: of them, corrected
 * @param declaration 12.1: the declaration of conformity
 * @param reportSubmittedOn 13.1: the day the yearly report was sent, or null
 * @param reportDeadline 13.1: the deadline of the yearly report
 * @param improvementInitiatives 14.1: improvement initiatives applied
 * @param electronicDocuments 14.2: QMS documents are managed electronically
 * @param publicDisclosure 15.1, not for a district: public disclosure; null for a district
 * @param feedbackReceived 15.2, not for a district: citizen feedback received; null for a district
 * @param feedbackResolved 15.2, not for a district: of it, resolved; null for a district
 */
public record Facts(
        IsoTeam isoTeam,
        LocalDate annualPlanIssuedOn,
        Judgement leaderInvolvement,
        int staffTotal,
        int staffTrained,
        int internalAuditors,
        boolean qualityPolicyPublished,
        Judgement objectivesSmart,
        int objectiveReviews,
        Judgement contextDetermined,
        boolean riskRegisterUpdated,
        Judgement riskActionsEvaluated,
        int proceduresInScope,
        int proceduresWithProcess,
        int procedureChanges,
        int changesUpdatedWithin30Days,
        int processesMatchingOneStop,
        Judgement documentControl,
        Judgement recordsAccessible,
        int dossiersResolved,
        int dossiersOnTime,
        int lateDossiersWithApology,
        int surveyResponses,
        int satisfiedResponses,
        LocalDate internalAuditDate,
        int processesAudited,
        Judgement auditReport,
        LocalDate managementReviewDate,
        Judgement reviewOutputs,
        int nonconformitiesFound,
        int nonconformitiesClosed,
        Declaration declaration,
        LocalDate reportSubmittedOn,
        LocalDate reportDeadline,
        int improvementInitiatives,
        boolean electronicDocuments,
        Judgement publicDisclosure,
        Integer feedbackReceived,
        Integer feedbackResolved) {

    /** The facts of criterion 15 that only agencies other than a district carry. */
    public static final List<String> PUBLIC_OVERSIGHT_FACTS =
            List.of("publicDisclosure", "feedbackReceived", "feedbackResolved");

    /** The dates that may be {@code null} (the thing was not done); they must still be given. */
    public static final List<String> NULLABLE_DATES =
            List.of("annualPlanIssuedOn", "internalAuditDate", "managementReviewDate", "reportSubmittedOn");

    /** A builder with no fact set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these facts, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
            b.isoTeam = isoTeam;
            b.annualPlanIssuedOn = annualPlanIssuedOn;
            b.leaderInvolvement = leaderInvolvement;
            b.staffTotal = staffTotal;
            b.staffTrained = staffTrained;
            b.internalAuditors = internalAuditors;
            b.qualityPolicyPublished = qualityPolicyPublished;
            b.objectivesSmart = objectivesSmart;
            b.objectiveReviews = objectiveReviews;
            b.contextDetermined = contextDetermined;
            b.riskRegisterUpdated = riskRegisterUpdated;
            b.riskActionsEvaluated = riskActionsEvaluated;
            b.proceduresInScope = proceduresInScope;
            b.proceduresWithProcess = proceduresWithProcess;
            b.procedureChanges = procedureChanges;
            b.changesUpdatedWithin30Days = changesUpdatedWithin30Days;
            b.processesMatchingOneStop = processesMatchingOneStop;
            b.documentControl = documentControl;
            b.recordsAccessible = recordsAccessible;
            b.dossiersResolved = dossiersResolved;
            b.dossiersOnTime = dossiersOnTime;
            b.lateDossiersWithApology = lateDossiersWithApology;
            b.surveyResponses = surveyResponses;
            b.satisfiedResponses = satisfiedResponses;
            b.internalAuditDate = internalAuditDate;
            b.processesAudited = processesAudited;
            b.auditReport = auditReport;
            b.managementReviewDate = managementReviewDate;
            b.reviewOutputs = reviewOutputs;
            b.nonconformitiesFound = nonconformitiesFound;
            b.nonconformitiesClosed = nonconformitiesClosed;
            b.declaration = declaration;
            b.reportSubmittedOn = reportSubmittedOn;
            b.reportDeadline = reportDeadline;
            b.improvementInitiatives = improvementInitiatives;
            b.electronicDocuments = electronicDocuments;
            b.publicDisclosure = publicDisclosure;
            b.feedbackReceived = feedbackReceived;
            b.feedbackResolved = feedbackResolved;
        return b;
    }

    /** Every fact by its JSON name, in contract order; a fact not given is {@code null}. */
    public java.util.Map<String, Object> byName() {
        return FactValues.of(this);
    }

    /**
     * The fact of this JSON name, {@code null} when it was not given.
     *
     * @throws IllegalArgumentException when no fact has the name (see {@link #isFactName})
     */
    public Object byName(String name) {
        return FactValues.value(this, name);
    }

    /** Whether a fact has this JSON name, for example {@code dossiersOnTime}. */
    public static boolean isFactName(String name) {
        return FactValues.isName(name);
    }

    /** The number of late dossiers: resolved but not on time. */
    public int lateDossiers() {
        return dossiersResolved - dossiersOnTime;
    }

    /** Builds {@link Facts} fact by fact. */
    public static final class Builder {
        private IsoTeam isoTeam;
        private LocalDate annualPlanIssuedOn;
        private Judgement leaderInvolvement;
        private int staffTotal;
        private int staffTrained;
        private int internalAuditors;
        private boolean qualityPolicyPublished;
        private Judgement objectivesSmart;
        private int objectiveReviews;
        private Judgement contextDetermined;
        private boolean riskRegisterUpdated;
        private Judgement riskActionsEvaluated;
        private int proceduresInScope;
        private int proceduresWithProcess;
        private int procedureChanges;
        private int changesUpdatedWithin30Days;
        private int processesMatchingOneStop;
        private Judgement documentControl;
        private Judgement recordsAccessible;
        private int dossiersResolved;
        private int dossiersOnTime;
        private int lateDossiersWithApology;
        private int surveyResponses;
        private int satisfiedResponses;
        private LocalDate internalAuditDate;
        private int processesAudited;
        private Judgement auditReport;
        private LocalDate managementReviewDate;
        private Judgement reviewOutputs;
        private int nonconformitiesFound;
        private int nonconformitiesClosed;
        private Declaration declaration;
        private LocalDate reportSubmittedOn;
        private LocalDate reportDeadline;
        private int improvementInitiatives;
        private boolean electronicDocuments;
        private Judgement publicDisclosure;
        private Integer feedbackReceived;
        private Integer feedbackResolved;

        private Builder() {
        }

        public Builder isoTeam(IsoTeam isoTeam) {
            this.isoTeam = isoTeam;
            return this;
        }

        public Builder annualPlanIssuedOn(LocalDate annualPlanIssuedOn) {
            this.annualPlanIssuedOn = annualPlanIssuedOn;
            return this;
        }

        public Builder leaderInvolvement(Judgement leaderInvolvement) {
            this.leaderInvolvement = leaderInvolvement;
            return this;
        }

        public Builder staffTotal(int staffTotal) {
            this.staffTotal = staffTotal;
            return this;
        }

        public Builder staffTrained(int staffTrained) {
            this.staffTrained = staffTrained;
            return this;
        }

        public Builder internalAuditors(int internalAuditors) {
            this.internalAuditors = internalAuditors;
            return this;
        }

        public Builder qualityPolicyPublished(boolean qualityPolicyPublished) {
            this.qualityPolicyPublished = qualityPolicyPublished;
            return this;
        }

        public Builder objectivesSmart(Judgement objectivesSmart) {
            this.objectivesSmart = objectivesSmart;
            return this;
        }

        public Builder objectiveReviews(int objectiveReviews) {
            this.objectiveReviews = objectiveReviews;
            return this;
        }

        public Builder contextDetermined(Judgement contextDetermined) {
            this.contextDetermined = contextDetermined;
            return this;
        }

        public Builder riskRegisterUpdated(boolean riskRegisterUpdated) {
            this.riskRegisterUpdated = riskRegisterUpdated;
            return this;
        }

        public Builder riskActionsEvaluated(Judgement riskActionsEvaluated) {
            this.riskActionsEvaluated = riskActionsEvaluated;
            return this;
        }

        public Builder proceduresInScope(int proceduresInScope) {
            this.proceduresInScope = proceduresInScope;
            return this;
        }

        public Builder proceduresWithProcess(int proceduresWithProcess) {
            this.proceduresWithProcess = proceduresWithProcess;
            return this;
        }

        public Builder procedureChanges(int procedureChanges) {
            this.procedureChanges = procedureChanges;
            return this;
        }

        public Builder changesUpdatedWithin30Days(int changesUpdatedWithin30Days) {
            this.changesUpdatedWithin30Days = changesUpdatedWithin30Days;
            return this;
        }

        public Builder processesMatchingOneStop(int processesMatchingOneStop) {
            this.processesMatchingOneStop = processesMatchingOneStop;
            return this;
        }

        public Builder documentControl(Judgement documentControl) {
            this.documentControl = documentControl;
            return this;
        }

        public Builder recordsAccessible(Judgement recordsAccessible) {
            this.recordsAccessible = recordsAccessible;
            return this;
        }

        public Builder dossiersResolved(int dossiersResolved) {
            this.dossiersResolved = dossiersResolved;
            return this;
        }

        public Builder dossiersOnTime(int dossiersOnTime) {
            this.dossiersOnTime = dossiersOnTime;
            return this;
        }

        public Builder lateDossiersWithApology(int lateDossiersWithApology) {
            this.lateDossiersWithApology = lateDossiersWithApology;
            return this;
        }

        public Builder surveyResponses(int surveyResponses) {
            this.surveyResponses = surveyResponses;
            return this;
        }

        public Builder satisfiedResponses(int satisfiedResponses) {
            this.satisfiedResponses = satisfiedResponses;
            return this;
        }

        public Builder internalAuditDate(LocalDate internalAuditDate) {
            this.internalAuditDate = internalAuditDate;
            return this;
        }

        public Builder processesAudited(int processesAudited) {
            this.processesAudited = processesAudited;
            return this;
        }

        public Builder auditReport(Judgement auditReport) {
            this.auditReport = auditReport;
            return this;
        }

        public Builder managementReviewDate(LocalDate managementReviewDate) {
            this.managementReviewDate = managementReviewDate;
            return this;
        }

        public Builder reviewOutputs(Judgement reviewOutputs) {
            this.reviewOutputs = reviewOutputs;
            return this;
        }

        public Builder nonconformitiesFound(int nonconformitiesFound) {
            this.nonconformitiesFound = nonconformitiesFound;
            return this;
        }

        public Builder nonconformitiesClosed(int nonconformitiesClosed) {
            this.nonconformitiesClosed = nonconformitiesClosed;
            return this;
        }

        public Builder declaration(Declaration declaration) {
            this.declaration = declaration;
            return this;
        }

        public Builder reportSubmittedOn(LocalDate reportSubmittedOn) {
            this.reportSubmittedOn = reportSubmittedOn;
            return this;
        }

        public Builder reportDeadline(LocalDate reportDeadline) {
            this.reportDeadline = reportDeadline;
            return this;
        }

        public Builder improvementInitiatives(int improvementInitiatives) {
            this.improvementInitiatives = improvementInitiatives;
            return this;
        }

        public Builder electronicDocuments(boolean electronicDocuments) {
            this.electronicDocuments = electronicDocuments;
            return this;
        }

        public Builder publicDisclosure(Judgement publicDisclosure) {
            this.publicDisclosure = publicDisclosure;
            return this;
        }

        public Builder feedbackReceived(Integer feedbackReceived) {
            this.feedbackReceived = feedbackReceived;
            return this;
        }

        public Builder feedbackResolved(Integer feedbackResolved) {
            this.feedbackResolved = feedbackResolved;
            return this;
        }

        public Facts build() {
            return new Facts(isoTeam, annualPlanIssuedOn, leaderInvolvement, staffTotal, staffTrained, internalAuditors, qualityPolicyPublished, objectivesSmart, objectiveReviews, contextDetermined, riskRegisterUpdated, riskActionsEvaluated, proceduresInScope, proceduresWithProcess, procedureChanges, changesUpdatedWithin30Days, processesMatchingOneStop, documentControl, recordsAccessible, dossiersResolved, dossiersOnTime, lateDossiersWithApology, surveyResponses, satisfiedResponses, internalAuditDate, processesAudited, auditReport, managementReviewDate, reviewOutputs, nonconformitiesFound, nonconformitiesClosed, declaration, reportSubmittedOn, reportDeadline, improvementInitiatives, electronicDocuments, publicDisclosure, feedbackReceived, feedbackResolved);
        }
    }
}
