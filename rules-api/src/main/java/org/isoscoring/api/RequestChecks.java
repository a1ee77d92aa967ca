package org.isoscoring.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The checks of SCORING.md §7 that do not depend on a guidance: references between agencies and assessments,
 * missing and negative facts, counts larger than the count they are part of. Engines run them on every
 * request; a Java caller may run them early to show problems in a form.
 */
public final class RequestChecks {

    /** A count that is part of another count: {@code part ≤ whole}. */
    private record PartOf(String part, String whole) {
    }

    private static final List<PartOf> PARTS = List.of(
            new PartOf("staffTrained", "staffTotal"),
            new PartOf("proceduresWithProcess", "proceduresInScope"),
            new PartOf("changesUpdatedWithin30Days", "procedureChanges"),
            new PartOf("processesMatchingOneStop", "proceduresWithProcess"),
            new PartOf("dossiersOnTime", "dossiersResolved"),
            new PartOf("satisfiedResponses", "surveyResponses"),
            new PartOf("nonconformitiesClosed", "nonconformitiesFound"),
            new PartOf("feedbackResolved", "feedbackReceived"));

    /** The assessments from which the facts are checked on all cores. */
    private static final int PARALLEL_FROM = 2_000;

    private RequestChecks() {
    }

    /** Every problem of the request, in the order of the request; empty when it can be scored. */
    public static List<Problem> problems(ScoringRequest request) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<String, Agency> byId = new LinkedHashMap<>();
        List<Agency> agencies = request.agencies();
        for (int i = 0; i < agencies.size(); i++) {
            Agency agency = agencies.get(i);
            if (agency == null) {
                problems.add(new Problem(agencyAt(i), "missing agency", "thiếu cơ quan"));
                continue;
            }
            if (agency.id().isBlank()) {
                problems.add(new Problem(agencyAt(i) + ".id", "an agency id must not be empty",
                        "mã cơ quan không được để trống"));
            }
            Integer first = firstIndex.putIfAbsent(agency.id(), i);
            if (first != null) {
                problems.add(new Problem(agencyAt(i) + ".id", "duplicate agency id \"" + agency.id()
                        + "\" (already agencies[" + first + "])", "mã cơ quan \"" + agency.id()
                        + "\" bị trùng (đã có ở agencies[" + first + "])"));
            } else {
                byId.put(agency.id(), agency);
            }
        }
        Map<String, Set<String>> communesOf = new HashMap<>();
        for (int i = 0; i < agencies.size(); i++) {
            Agency agency = agencies.get(i);
            if (agency != null) {
                checkAgency(agency, i, byId, communesOf, problems);
            }
        }
        for (int i = 0; i < agencies.size(); i++) {
            Agency agency = agencies.get(i);
            if (agency == null || agency.kind() != AgencyKind.DISTRICT) {
                continue;
            }
            String place = "agencies[" + i + "]";
            Set<String> communes = communesOf.getOrDefault(agency.id(), Set.of());
            if (communes.isEmpty()) {
                problems.add(new Problem(place, "district \"" + agency.id() + "\" has no communes",
                        "huyện \"" + agency.id() + "\" không có xã nào"));
            }
            CommuneScoring scoring = agency.communeScoring();
            if (scoring != null) {
                for (int k = 0; k < scoring.onSiteCommunes().size(); k++) {
                    String commune = scoring.onSiteCommunes().get(k);
                    if (commune == null || !communes.contains(commune)) {
                        problems.add(new Problem(place + ".communeScoring.onSiteCommunes[" + k + "]",
                                quote(commune) + " is not a commune of " + agency.id(),
                                quote(commune) + " không phải là xã của " + agency.id()));
                    }
                }
            }
        }
        checkAssessments(request.assessments(), byId, problems);
        Set<String> assessed = new HashSet<>();
        request.assessments().forEach(a -> assessed.add(a.agency()));
        for (int i = 0; i < agencies.size(); i++) {
            Agency agency = agencies.get(i);
            if (agency != null && agency.kind() == AgencyKind.COMMUNE && !assessed.contains(agency.id())
                    && byId.get(agency.id()) == agency) {
                problems.add(new Problem("agencies[" + i + "]", "commune \"" + agency.id()
                        + "\" has no assessment (every commune is assessed at least once)", "xã \"" + agency.id()
                        + "\" không có phiếu chấm nào (mỗi xã được chấm ít nhất một lần)"));
            }
        }
        return problems;
    }

    /**
     * Throws the one rejection with every problem of the request, if it has any.
     *
     * @throws RequestRejectedException when the request has problems
     */
    public static void requireValid(ScoringRequest request) {
        List<Problem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new RequestRejectedException(problems);
        }
    }

    private static void checkAgency(Agency agency, int index, Map<String, Agency> byId,
                                    Map<String, Set<String>> communesOf, List<Problem> problems) {
        if (agency.kind() == AgencyKind.COMMUNE) {
            if (agency.district() == null) {
                problems.add(new Problem(agencyAt(index) + ".district", "missing: a commune names its district",
                        "thiếu: một xã phải ghi huyện của mình"));
            } else {
                Agency district = byId.get(agency.district());
                if (district == null) {
                    problems.add(new Problem(agencyAt(index) + ".district", "unknown agency \"" + agency.district() + "\"",
                            "không có cơ quan \"" + agency.district() + "\""));
                } else if (district.kind() != AgencyKind.DISTRICT) {
                    problems.add(new Problem(agencyAt(index) + ".district", "\"" + agency.district() + "\" is a "
                            + district.kind() + ", not a DISTRICT", "\"" + agency.district() + "\" là "
                            + district.kind() + ", không phải DISTRICT"));
                } else {
                    communesOf.computeIfAbsent(agency.district(), k -> new HashSet<>()).add(agency.id());
                }
            }
        } else if (agency.district() != null) {
            problems.add(new Problem(agencyAt(index) + ".district", "only a COMMUNE names a district; this is a "
                    + agency.kind(), "chỉ COMMUNE mới ghi huyện; cơ quan này là " + agency.kind()));
        }
        if (agency.kind() == AgencyKind.DISTRICT) {
            CommuneScoring scoring = agency.communeScoring();
            if (scoring == null) {
                problems.add(new Problem(agencyAt(index) + ".communeScoring", "missing: a DISTRICT has a communeScoring",
                        "thiếu: một DISTRICT phải có communeScoring"));
            } else if (scoring.resultsDeadline() == null) {
                problems.add(JsonReader.missing(agencyAt(index) + ".communeScoring.resultsDeadline"));
            }
        } else if (agency.communeScoring() != null) {
            problems.add(new Problem(agencyAt(index) + ".communeScoring", "only a DISTRICT has a communeScoring; this is a "
                    + agency.kind(), "chỉ DISTRICT mới có communeScoring; cơ quan này là " + agency.kind()));
        }
    }

    private static void checkAssessments(List<Assessment> assessments, Map<String, Agency> byId,
                                         List<Problem> problems) {
        Map<Assessor, Map<String, Integer>> seen = new EnumMap<>(Assessor.class);
        for (Assessor assessor : Assessor.values()) {
            seen.put(assessor, new HashMap<>());
        }
        List<List<Problem>> factProblems = factProblems(assessments, byId);
        for (int i = 0; i < assessments.size(); i++) {
            Assessment assessment = assessments.get(i);
            Agency agency = byId.get(assessment.agency());
            if (agency == null) {
                problems.add(new Problem(at(i) + ".agency", "unknown agency \"" + assessment.agency() + "\"",
                        "không có cơ quan \"" + assessment.agency() + "\""));
            }
            Integer first = seen.get(assessment.assessor()).putIfAbsent(assessment.agency(), i);
            if (first != null) {
                problems.add(new Problem(at(i), "a second " + assessment.assessor() + " assessment of \""
                        + assessment.agency() + "\" (the first is assessments[" + first + "])",
                        "phiếu chấm " + assessment.assessor() + " thứ hai của \"" + assessment.agency()
                                + "\" (phiếu đầu tiên là assessments[" + first + "])"));
            }
            if (agency != null && assessment.assessor() == Assessor.DISTRICT && agency.kind() != AgencyKind.COMMUNE) {
                problems.add(new Problem(at(i) + ".assessor", "a DISTRICT assessment is only of a commune; \""
                        + agency.id() + "\" is a " + agency.kind(), "phiếu chấm DISTRICT chỉ dành cho xã; \""
                        + agency.id() + "\" là " + agency.kind()));
            }
            List<Problem> facts = factProblems.get(i);
            if (facts != null) {
                problems.addAll(facts);
            }
        }
    }

    /**
     * The problems of each assessment's facts ({@code null} for none), by position: checked on all cores from
     * {@value #PARALLEL_FROM} assessments (each assessment's facts are checked alone), unless the system property
     * {@code isoscoring.parallel} is {@code false}, as the engine's scoring.
     */
    private static List<List<Problem>> factProblems(List<Assessment> assessments, Map<String, Agency> byId) {
        List<Problem>[] found = newArray(assessments.size());
        IntStream positions = IntStream.range(0, assessments.size());
        boolean parallel = assessments.size() >= PARALLEL_FROM
                && !"false".equals(System.getProperty("isoscoring.parallel"));
        (parallel ? positions.parallel() : positions).forEach(i -> {
            Assessment assessment = assessments.get(i);
            Agency agency = byId.get(assessment.agency());
            List<Problem> problems = new ArrayList<>(0);
            checkFacts(assessment.facts(), agency == null ? null : agency.kind(), i, problems);
            found[i] = problems.isEmpty() ? null : problems;
        });
        return Arrays.asList(found);
    }

    @SuppressWarnings("unchecked")
    private static List<Problem>[] newArray(int size) {
        return (List<Problem>[]) new List<?>[size];
    }

    /** The place of an agency, written only when it has a problem (a request has thousands). */
    private static String agencyAt(int agency) {
        return "agencies[" + agency + "]";
    }

    /** The place of an assessment, written only when it has a problem (a request has thousands). */
    private static String at(int assessment) {
        return "assessments[" + assessment + "]";
    }

    private static void checkFacts(Facts f, AgencyKind kind, int assessment, List<Problem> problems) {
        FactValues.forEach(f, (name, value) -> {
            boolean oversight = Facts.PUBLIC_OVERSIGHT_FACTS.contains(name);
            if (oversight && kind == AgencyKind.DISTRICT) {
                if (value != null) {
                    problems.add(new Problem(at(assessment) + ".facts." + name, "unknown fact for a DISTRICT (its "
                            + "criterion 15 comes from its communeScoring)", "dữ kiện này không dùng cho DISTRICT "
                            + "(tiêu chí 15 của huyện lấy từ communeScoring)"));
                }
                return;
            }
            if (value == null && !Facts.NULLABLE_DATES.contains(name)) {
                problems.add(JsonReader.missing(at(assessment) + ".facts." + name));
            } else if (value instanceof Integer count && count < 0) {
                problems.add(new Problem(at(assessment) + ".facts." + name, count + " is negative; a count is 0 or "
                        + "more", count + " là số âm; số lượng phải từ 0 trở lên"));
            }
        });
        if (f.staffTotal() == 0) {
            problems.add(new Problem(at(assessment) + ".facts.staffTotal", "0: an agency has at least one civil "
                    + "servant", "0: một cơ quan có ít nhất một công chức"));
        }
        for (PartOf rule : PARTS) {
            if (FactValues.value(f, rule.part()) instanceof Integer part
                    && FactValues.value(f, rule.whole()) instanceof Integer whole && whole >= 0 && part > whole) {
                problems.add(new Problem(at(assessment) + ".facts." + rule.part(), part + " is more than "
                        + rule.whole() + " (" + whole + ")", part + " lớn hơn " + rule.whole() + " (" + whole + ")"));
            }
        }
        int late = f.dossiersResolved() - f.dossiersOnTime();
        if (late >= 0 && f.dossiersOnTime() >= 0 && f.lateDossiersWithApology() > late) {
            problems.add(new Problem(at(assessment) + ".facts.lateDossiersWithApology", f.lateDossiersWithApology()
                    + " is more than the late dossiers (dossiersResolved - dossiersOnTime = " + late + ")",
                    f.lateDossiersWithApology() + " lớn hơn số hồ sơ trễ hạn (dossiersResolved - dossiersOnTime = "
                            + late + ")"));
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
