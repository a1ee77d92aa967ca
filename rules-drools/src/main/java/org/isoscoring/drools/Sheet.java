package org.isoscoring.drools;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.Assessor;
import org.isoscoring.api.Declaration;
import org.isoscoring.api.Facts;
import org.isoscoring.api.IsoTeam;
import org.isoscoring.api.Judgement;

/**
 * One assessment as the rules see it (phiếu chấm): who was assessed, by whom, in which year, and every fact
 * of the catalog under its JSON name, plus the ratios and dates the catalog compares. Rules match it and
 * never change it. It also keeps its settled awards (decision 53), which no rule sees.
 */
public final class Sheet implements Quotable {

    private final int index;
    private final String agency;
    private final AgencyKind kind;
    private final Assessor assessor;
    private final String district;
    private final int year;
    private final Facts facts;
    private final Integer reportDaysLate; // read by several rules of criterion 13
    private int slot; // its place in its session, set when the session's results are read
    private Award[] settled; // its settled awards (Settled) by catalog position, made with the first
    private List<Award> settledElsewhere = List.of(); // a second one for a position, or one outside the catalog

    Sheet(int index, String agency, AgencyKind kind, Assessor assessor, String district, int year, Facts facts) {
        this.index = index;
        this.agency = Objects.requireNonNull(agency);
        this.kind = Objects.requireNonNull(kind);
        this.assessor = Objects.requireNonNull(assessor);
        this.district = district;
        this.year = year;
        this.facts = Objects.requireNonNull(facts);
        this.reportDaysLate = facts.reportSubmittedOn() == null || facts.reportDeadline() == null ? null
                : (int) ChronoUnit.DAYS.between(facts.reportDeadline(), facts.reportSubmittedOn());
    }

    /**
     * Keeps a settled award of this assessment, at its sub-criterion's position in the catalog ({@code -1} for a
     * sub-criterion outside it). Only its own session's rules give it one, on one thread.
     */
    void give(Award award, int position, int catalogSize) {
        if (settled == null) {
            settled = new Award[catalogSize];
        }
        if (position >= 0 && position < settled.length && settled[position] == null) {
            settled[position] = award;
        } else {
            if (settledElsewhere.isEmpty()) {
                settledElsewhere = new ArrayList<>(2);
            }
            settledElsewhere.add(award);
        }
    }

    /** The settled awards by catalog position ({@code null} where none), as a new array of {@code size}. */
    Award[] settledByPosition(int size) {
        return settled == null ? new Award[size] : Arrays.copyOf(settled, size);
    }

    /** The settled awards that have no position of their own: a second one for a position, or outside the catalog. */
    List<Award> settledElsewhere() {
        return settledElsewhere;
    }

    /** Every settled award of this assessment. */
    List<Award> given() {
        List<Award> all = new ArrayList<>(settled == null ? 0 : settled.length);
        if (settled != null) {
            for (Award a : settled) {
                if (a != null) {
                    all.add(a);
                }
            }
        }
        all.addAll(settledElsewhere);
        return all;
    }

    int slot() {
        return slot;
    }

    void slot(int slot) {
        this.slot = slot;
    }

    /** The facts as the request gave them. */
    public Facts getFacts() {
        return facts;
    }

    /** The position of the assessment in the request. */
    public int index() {
        return index;
    }

    /** The id of the agency assessed. */
    public String getAgency() {
        return agency;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public Assessor getAssessor() {
        return assessor;
    }

    /** For a commune, the id of its district; otherwise {@code null}. */
    public String getDistrict() {
        return district;
    }

    /** The assessed year. */
    public int getYear() {
        return year;
    }

    /** A day of the assessed year, for example {@code dateInYear(3, 31)} for 31 March. */
    public LocalDate dateInYear(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** Whether a date falls from 1 January to 31 December of the assessed year, both included. */
    public boolean inYear(LocalDate date) {
        return date != null && date.getYear() == year;
    }

    /** Days from {@code reportDeadline} to {@code reportSubmittedOn} (0 or less: on time); {@code null} if not sent. */
    public Integer getReportDaysLate() {
        return reportDaysLate;
    }

    /** Dossiers resolved late: {@code dossiersResolved - dossiersOnTime}. */
    public int getLateDossiers() {
        return facts.lateDossiers();
    }

    /** {@code staffTrained / staffTotal}. */
    public Ratio getTrainedRate() {
        return new Ratio(facts.staffTrained(), facts.staffTotal());
    }

    /** {@code proceduresWithProcess / proceduresInScope}. */
    public Ratio getProcessCoverage() {
        return new Ratio(facts.proceduresWithProcess(), facts.proceduresInScope());
    }

    /** {@code changesUpdatedWithin30Days / procedureChanges}. */
    public Ratio getChangesUpdatedRate() {
        return new Ratio(facts.changesUpdatedWithin30Days(), facts.procedureChanges());
    }

    /** {@code processesMatchingOneStop / proceduresWithProcess}. */
    public Ratio getOneStopMatchRate() {
        return new Ratio(facts.processesMatchingOneStop(), facts.proceduresWithProcess());
    }

    /** {@code dossiersOnTime / dossiersResolved}. */
    public Ratio getOnTimeRate() {
        return new Ratio(facts.dossiersOnTime(), facts.dossiersResolved());
    }

    /** {@code lateDossiersWithApology / lateDossiers}. */
    public Ratio getApologyRate() {
        return new Ratio(facts.lateDossiersWithApology(), facts.lateDossiers());
    }

    /** {@code satisfiedResponses / surveyResponses}. */
    public Ratio getSatisfactionRate() {
        return new Ratio(facts.satisfiedResponses(), facts.surveyResponses());
    }

    /** {@code nonconformitiesClosed / nonconformitiesFound}. */
    public Ratio getNonconformitiesClosedRate() {
        return new Ratio(facts.nonconformitiesClosed(), facts.nonconformitiesFound());
    }

    /** {@code feedbackResolved / feedbackReceived}; 0/0 for a district, which has neither. */
    public Ratio getFeedbackResolvedRate() {
        return new Ratio(facts.feedbackResolved() == null ? 0 : facts.feedbackResolved(),
                facts.feedbackReceived() == null ? 0 : facts.feedbackReceived());
    }

    @Override
    public Object quote(String name) {
        return switch (name) {
            case "agency" -> agency;
            case "year" -> year;
            case "lateDossiers" -> getLateDossiers();
            case "reportDaysLate" -> getReportDaysLate();
            case "trainedRate" -> getTrainedRate();
            case "processCoverage" -> getProcessCoverage();
            case "changesUpdatedRate" -> getChangesUpdatedRate();
            case "oneStopMatchRate" -> getOneStopMatchRate();
            case "onTimeRate" -> getOnTimeRate();
            case "apologyRate" -> getApologyRate();
            case "satisfactionRate" -> getSatisfactionRate();
            case "nonconformitiesClosedRate" -> getNonconformitiesClosedRate();
            case "feedbackResolvedRate" -> getFeedbackResolvedRate();
            default -> Facts.isFactName(name) ? facts.byName(name) : Quotable.UNKNOWN;
        };
    }

    public IsoTeam getIsoTeam() {
        return facts.isoTeam();
    }

    public LocalDate getAnnualPlanIssuedOn() {
        return facts.annualPlanIssuedOn();
    }

    public Judgement getLeaderInvolvement() {
        return facts.leaderInvolvement();
    }

    public int getStaffTotal() {
        return facts.staffTotal();
    }

    public int getStaffTrained() {
        return facts.staffTrained();
    }

    public int getInternalAuditors() {
        return facts.internalAuditors();
    }

    public boolean isQualityPolicyPublished() {
        return facts.qualityPolicyPublished();
    }

    public Judgement getObjectivesSmart() {
        return facts.objectivesSmart();
    }

    public int getObjectiveReviews() {
        return facts.objectiveReviews();
    }

    public Judgement getContextDetermined() {
        return facts.contextDetermined();
    }

    public boolean isRiskRegisterUpdated() {
        return facts.riskRegisterUpdated();
    }

    public Judgement getRiskActionsEvaluated() {
        return facts.riskActionsEvaluated();
    }

    public int getProceduresInScope() {
        return facts.proceduresInScope();
    }

    public int getProceduresWithProcess() {
        return facts.proceduresWithProcess();
    }

    public int getProcedureChanges() {
        return facts.procedureChanges();
    }

    public int getChangesUpdatedWithin30Days() {
        return facts.changesUpdatedWithin30Days();
    }

    public int getProcessesMatchingOneStop() {
        return facts.processesMatchingOneStop();
    }

    public Judgement getDocumentControl() {
        return facts.documentControl();
    }

    public Judgement getRecordsAccessible() {
        return facts.recordsAccessible();
    }

    public int getDossiersResolved() {
        return facts.dossiersResolved();
    }

    public int getDossiersOnTime() {
        return facts.dossiersOnTime();
    }

    public int getLateDossiersWithApology() {
        return facts.lateDossiersWithApology();
    }

    public int getSurveyResponses() {
        return facts.surveyResponses();
    }

    public int getSatisfiedResponses() {
        return facts.satisfiedResponses();
    }

    public LocalDate getInternalAuditDate() {
        return facts.internalAuditDate();
    }

    public int getProcessesAudited() {
        return facts.processesAudited();
    }

    public Judgement getAuditReport() {
        return facts.auditReport();
    }

    public LocalDate getManagementReviewDate() {
        return facts.managementReviewDate();
    }

    public Judgement getReviewOutputs() {
        return facts.reviewOutputs();
    }

    public int getNonconformitiesFound() {
        return facts.nonconformitiesFound();
    }

    public int getNonconformitiesClosed() {
        return facts.nonconformitiesClosed();
    }

    public Declaration getDeclaration() {
        return facts.declaration();
    }

    public LocalDate getReportSubmittedOn() {
        return facts.reportSubmittedOn();
    }

    public LocalDate getReportDeadline() {
        return facts.reportDeadline();
    }

    public int getImprovementInitiatives() {
        return facts.improvementInitiatives();
    }

    public boolean isElectronicDocuments() {
        return facts.electronicDocuments();
    }

    public Judgement getPublicDisclosure() {
        return facts.publicDisclosure();
    }

    public Integer getFeedbackReceived() {
        return facts.feedbackReceived();
    }

    public Integer getFeedbackResolved() {
        return facts.feedbackResolved();
    }

    @Override
    public String toString() {
        return assessor + " assessment of " + agency;
    }
}
