package org.isoscoring.api;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a {@link Facts} by their JSON names, in contract order. Written out rather than read by reflection:
 * every assessment is read this way, and reflection was a tenth of the time of scoring; the class refuses to load
 * if its list of names and the record's components ever differ.
 */
final class FactValues {

    private static final List<RecordComponent> COMPONENTS = List.of(Facts.class.getRecordComponents());

    /** The names {@link #of} writes, in its order. */
    private static final List<String> NAMES = List.of(
            "isoTeam",
            "annualPlanIssuedOn",
            "leaderInvolvement",
            "staffTotal",
            "staffTrained",
            "internalAuditors",
            "qualityPolicyPublished",
            "objectivesSmart",
            "objectiveReviews",
            "contextDetermined",
            "riskRegisterUpdated",
            "riskActionsEvaluated",
            "proceduresInScope",
            "proceduresWithProcess",
            "procedureChanges",
            "changesUpdatedWithin30Days",
            "processesMatchingOneStop",
            "documentControl",
            "recordsAccessible",
            "dossiersResolved",
            "dossiersOnTime",
            "lateDossiersWithApology",
            "surveyResponses",
            "satisfiedResponses",
            "internalAuditDate",
            "processesAudited",
            "auditReport",
            "managementReviewDate",
            "reviewOutputs",
            "nonconformitiesFound",
            "nonconformitiesClosed",
            "declaration",
            "reportSubmittedOn",
            "reportDeadline",
            "improvementInitiatives",
            "electronicDocuments",
            "publicDisclosure",
            "feedbackReceived",
            "feedbackResolved");

    static {
        List<String> written = NAMES;
        List<String> declared = COMPONENTS.stream().map(RecordComponent::getName).toList();
        if (!written.equals(declared)) {
            throw new IllegalStateException("FactValues.of lists " + written + ", Facts declares " + declared);
        }
    }

    private FactValues() {
    }

    static List<RecordComponent> components() {
        return COMPONENTS;
    }

    static Map<String, Object> of(Facts f) {
        Map<String, Object> values = new LinkedHashMap<>(78);
        values.put("isoTeam", f.isoTeam());
        values.put("annualPlanIssuedOn", f.annualPlanIssuedOn());
        values.put("leaderInvolvement", f.leaderInvolvement());
        values.put("staffTotal", f.staffTotal());
        values.put("staffTrained", f.staffTrained());
        values.put("internalAuditors", f.internalAuditors());
        values.put("qualityPolicyPublished", f.qualityPolicyPublished());
        values.put("objectivesSmart", f.objectivesSmart());
        values.put("objectiveReviews", f.objectiveReviews());
        values.put("contextDetermined", f.contextDetermined());
        values.put("riskRegisterUpdated", f.riskRegisterUpdated());
        values.put("riskActionsEvaluated", f.riskActionsEvaluated());
        values.put("proceduresInScope", f.proceduresInScope());
        values.put("proceduresWithProcess", f.proceduresWithProcess());
        values.put("procedureChanges", f.procedureChanges());
        values.put("changesUpdatedWithin30Days", f.changesUpdatedWithin30Days());
        values.put("processesMatchingOneStop", f.processesMatchingOneStop());
        values.put("documentControl", f.documentControl());
        values.put("recordsAccessible", f.recordsAccessible());
        values.put("dossiersResolved", f.dossiersResolved());
        values.put("dossiersOnTime", f.dossiersOnTime());
        values.put("lateDossiersWithApology", f.lateDossiersWithApology());
        values.put("surveyResponses", f.surveyResponses());
        values.put("satisfiedResponses", f.satisfiedResponses());
        values.put("internalAuditDate", f.internalAuditDate());
        values.put("processesAudited", f.processesAudited());
        values.put("auditReport", f.auditReport());
        values.put("managementReviewDate", f.managementReviewDate());
        values.put("reviewOutputs", f.reviewOutputs());
        values.put("nonconformitiesFound", f.nonconformitiesFound());
        values.put("nonconformitiesClosed", f.nonconformitiesClosed());
        values.put("declaration", f.declaration());
        values.put("reportSubmittedOn", f.reportSubmittedOn());
        values.put("reportDeadline", f.reportDeadline());
        values.put("improvementInitiatives", f.improvementInitiatives());
        values.put("electronicDocuments", f.electronicDocuments());
        values.put("publicDisclosure", f.publicDisclosure());
        values.put("feedbackReceived", f.feedbackReceived());
        values.put("feedbackResolved", f.feedbackResolved());
        return values;
    }
}
