package org.isoscoring.api;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The facts of a {@link Facts} by their JSON names, in contract order. Read through the accessors listed below
 * rather than by reflection: every assessment is read this way, and reflection was a tenth of the time of scoring;
 * the class refuses to load if the list and the record's components ever differ.
 */
final class FactValues {

    private static final List<RecordComponent> COMPONENTS = List.of(Facts.class.getRecordComponents());

    /** Each fact's JSON name and accessor, in contract order. */
    private static final List<Map.Entry<String, Function<Facts, Object>>> FACTS = List.of(
            Map.entry("isoTeam", Facts::isoTeam),
            Map.entry("annualPlanIssuedOn", Facts::annualPlanIssuedOn),
            Map.entry("leaderInvolvement", Facts::leaderInvolvement),
            Map.entry("staffTotal", Facts::staffTotal),
            Map.entry("staffTrained", Facts::staffTrained),
            Map.entry("internalAuditors", Facts::internalAuditors),
            Map.entry("qualityPolicyPublished", Facts::qualityPolicyPublished),
            Map.entry("objectivesSmart", Facts::objectivesSmart),
            Map.entry("objectiveReviews", Facts::objectiveReviews),
            Map.entry("contextDetermined", Facts::contextDetermined),
            Map.entry("riskRegisterUpdated", Facts::riskRegisterUpdated),
            Map.entry("riskActionsEvaluated", Facts::riskActionsEvaluated),
            Map.entry("proceduresInScope", Facts::proceduresInScope),
            Map.entry("proceduresWithProcess", Facts::proceduresWithProcess),
            Map.entry("procedureChanges", Facts::procedureChanges),
            Map.entry("changesUpdatedWithin30Days", Facts::changesUpdatedWithin30Days),
            Map.entry("processesMatchingOneStop", Facts::processesMatchingOneStop),
            Map.entry("documentControl", Facts::documentControl),
            Map.entry("recordsAccessible", Facts::recordsAccessible),
            Map.entry("dossiersResolved", Facts::dossiersResolved),
            Map.entry("dossiersOnTime", Facts::dossiersOnTime),
            Map.entry("lateDossiersWithApology", Facts::lateDossiersWithApology),
            Map.entry("surveyResponses", Facts::surveyResponses),
            Map.entry("satisfiedResponses", Facts::satisfiedResponses),
            Map.entry("internalAuditDate", Facts::internalAuditDate),
            Map.entry("processesAudited", Facts::processesAudited),
            Map.entry("auditReport", Facts::auditReport),
            Map.entry("managementReviewDate", Facts::managementReviewDate),
            Map.entry("reviewOutputs", Facts::reviewOutputs),
            Map.entry("nonconformitiesFound", Facts::nonconformitiesFound),
            Map.entry("nonconformitiesClosed", Facts::nonconformitiesClosed),
            Map.entry("declaration", Facts::declaration),
            Map.entry("reportSubmittedOn", Facts::reportSubmittedOn),
            Map.entry("reportDeadline", Facts::reportDeadline),
            Map.entry("improvementInitiatives", Facts::improvementInitiatives),
            Map.entry("electronicDocuments", Facts::electronicDocuments),
            Map.entry("publicDisclosure", Facts::publicDisclosure),
            Map.entry("feedbackReceived", Facts::feedbackReceived),
            Map.entry("feedbackResolved", Facts::feedbackResolved));

    /** The accessors by name. */
    private static final Map<String, Function<Facts, Object>> BY_NAME = FACTS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    static {
        List<String> written = FACTS.stream().map(Map.Entry::getKey).toList();
        List<String> declared = COMPONENTS.stream().map(RecordComponent::getName).toList();
        if (!written.equals(declared)) {
            throw new IllegalStateException("FactValues lists " + written + ", Facts declares " + declared);
        }
    }

    private FactValues() {
    }

    static List<RecordComponent> components() {
        return COMPONENTS;
    }

    /** Whether a fact has this JSON name. */
    static boolean isName(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The fact of this JSON name; {@link IllegalArgumentException} when no fact has the name. */
    static Object value(Facts f, String name) {
        Function<Facts, Object> accessor = BY_NAME.get(name);
        if (accessor == null) {
            throw new IllegalArgumentException("no fact is named \"" + name + "\"");
        }
        return accessor.apply(f);
    }

    /** Gives each fact's JSON name and value to {@code action}, in contract order. */
    static void forEach(Facts f, java.util.function.BiConsumer<String, Object> action) {
        for (Map.Entry<String, Function<Facts, Object>> fact : FACTS) {
            action.accept(fact.getKey(), fact.getValue().apply(f));
        }
    }

    static Map<String, Object> of(Facts f) {
        Map<String, Object> values = new LinkedHashMap<>(FACTS.size() * 2);
        for (Map.Entry<String, Function<Facts, Object>> fact : FACTS) {
            values.put(fact.getKey(), fact.getValue().apply(f));
        }
        return values;
    }
}
