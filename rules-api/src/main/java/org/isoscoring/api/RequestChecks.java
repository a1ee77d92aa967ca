package org.isoscoring.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The checks of a request against its guidance's vocabulary (SCORING.md §7, as each guidance declares it): kinds,
 * assessors and whom they may assess, agencies that belong to others and the records they keep, missing, unknown,
 * mistyped, negative and out-of-range facts, facts above the whole they are part of. Engines run them on every
 * request; a Java caller may run them early to show problems in a form. Each problem names its place, in English and
 * Vietnamese.
 */
public final class RequestChecks {

    /** The assessments from which the facts are checked on all cores. */
    private static final int PARALLEL_FROM = 2_000;

    private RequestChecks() {
    }

    /**
     * Every problem of the request under the guidance, in the order of the request; empty when it can be scored.
     *
     * @param request  the request
     * @param guidance the guidance that scores it, whose vocabulary the request is checked against
     * @return the problems, each with its place, in English and Vietnamese
     */
    public static List<Problem> problems(ScoringRequest request, GuidanceInfo guidance) {
        return new Run(guidance.vocabulary()).problems(request);
    }

    /**
     * Throws the one rejection with every problem of the request, if it has any.
     *
     * @param request  the request
     * @param guidance the guidance that scores it, whose vocabulary the request is checked against
     * @throws RequestRejectedException when the request has problems
     */
    public static void requireValid(ScoringRequest request, GuidanceInfo guidance) {
        List<Problem> problems = problems(request, guidance);
        if (!problems.isEmpty()) {
            throw new RequestRejectedException(problems);
        }
    }

    /** The checks of one request. */
    private static final class Run {

        private final Vocabulary vocabulary;
        private final Map<String, Vocabulary.Kind> kinds = new HashMap<>();
        private final Map<String, Vocabulary.Assessor> assessors = new HashMap<>();
        private final Map<String, List<Vocabulary.Fact>> factsOf = new HashMap<>();
        private final Map<String, Vocabulary.Fact> factsByName = new HashMap<>();
        private final Map<String, Vocabulary.Measure> measures = new HashMap<>();
        /** The names of each list of declared facts, by identity (a kind's facts, a record's fields). */
        private final Map<List<Vocabulary.Fact>, List<String>> names = new java.util.IdentityHashMap<>();
        private final Map<Vocabulary.Choice, Set<String>> choiceIds = new java.util.IdentityHashMap<>(); // a record hashes all its values
        private final List<Problem> problems = new ArrayList<>();

        Run(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
            for (Vocabulary.Kind k : vocabulary.kinds()) {
                kinds.put(k.id(), k);
                factsOf.put(k.id(), vocabulary.factsOf(k.id()));
            }
            vocabulary.assessors().forEach(a -> assessors.put(a.id(), a));
            vocabulary.facts().forEach(f -> factsByName.put(f.name(), f));
            vocabulary.measures().forEach(m -> measures.put(m.name(), m));
            vocabulary.choices().forEach(c -> choiceIds.put(c, Set.copyOf(c.ids())));
            List<List<Vocabulary.Fact>> lists = new ArrayList<>(factsOf.values()); // made once: read on all cores
            lists.add(vocabulary.facts());
            vocabulary.kinds().stream().filter(k -> k.record() != null).forEach(k -> lists.add(k.record().fields()));
            lists.forEach(l -> names.put(l, l.stream().map(Vocabulary.Fact::name).toList()));
            vocabulary.kinds().stream().filter(k -> k.record() != null).flatMap(k -> k.record().fields().stream())
                    .filter(f -> f.choice() != null).forEach(f -> choiceIds.putIfAbsent(f.choice(), Set.copyOf(f.choice().ids())));
        }

        List<Problem> problems(ScoringRequest request) {
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
            Map<String, Set<String>> membersOf = new HashMap<>();
            for (int i = 0; i < agencies.size(); i++) {
                Agency agency = agencies.get(i);
                if (agency != null) {
                    agency(agency, i, byId, membersOf);
                }
            }
            for (int i = 0; i < agencies.size(); i++) {
                Agency agency = agencies.get(i);
                Vocabulary.Kind kind = agency == null ? null : kinds.get(agency.kind());
                if (kind != null) {
                    members(agency, kind, i, membersOf.getOrDefault(agency.id(), Set.of()));
                }
            }
            assessments(request.assessments(), byId);
            Set<String> assessed = new HashSet<>();
            request.assessments().forEach(a -> assessed.add(a.agency()));
            for (int i = 0; i < agencies.size(); i++) {
                Agency agency = agencies.get(i);
                Vocabulary.Kind kind = agency == null ? null : kinds.get(agency.kind());
                if (kind != null && kind.assessedAtLeastOnce() && !assessed.contains(agency.id())
                        && byId.get(agency.id()) == agency) {
                    problems.add(new Problem(agencyAt(i), kind.noun().en() + " \"" + agency.id() + "\" has no "
                            + "assessment (every " + kind.noun().en() + " is assessed at least once)", kind.noun().vi()
                            + " \"" + agency.id() + "\" không có phiếu chấm nào (mỗi " + kind.noun().vi()
                            + " được chấm ít nhất một lần)"));
                }
            }
            return problems;
        }

        private void agency(Agency agency, int index, Map<String, Agency> byId, Map<String, Set<String>> membersOf) {
            Vocabulary.Kind kind = kinds.get(agency.kind());
            if (kind == null) {
                problems.add(new Problem(agencyAt(index) + ".kind", "\"" + agency.kind() + "\" is not one of "
                        + kindIds(), "\"" + agency.kind() + "\" không phải một trong " + kindIds()));
                return;
            }
            Vocabulary.BelongsTo belongsTo = kind.belongsTo();
            if (belongsTo != null) {
                Vocabulary.Kind parentKind = kinds.get(belongsTo.kind());
                String at = agencyAt(index) + "." + belongsTo.field();
                if (agency.parent() == null) {
                    problems.add(new Problem(at, "missing: a " + kind.noun().en() + " names its "
                            + noun(parentKind, true), "thiếu: một " + kind.noun().vi() + " phải ghi "
                            + noun(parentKind, false) + " của mình"));
                } else {
                    Agency parent = byId.get(agency.parent());
                    if (parent == null) {
                        problems.add(new Problem(at, "unknown agency \"" + agency.parent() + "\"",
                                "không có cơ quan \"" + agency.parent() + "\""));
                    } else if (!parent.kind().equals(belongsTo.kind())) {
                        problems.add(new Problem(at, "\"" + agency.parent() + "\" is a " + parent.kind() + ", not a "
                                + belongsTo.kind(), "\"" + agency.parent() + "\" là " + parent.kind()
                                + ", không phải " + belongsTo.kind()));
                    } else {
                        membersOf.computeIfAbsent(agency.parent(), k -> new HashSet<>()).add(agency.id());
                    }
                }
            } else if (agency.parent() != null) {
                String field = parentField();
                problems.add(new Problem(agencyAt(index) + "." + field, "only a " + kindsThatBelong() + " names a "
                        + field + "; this is a " + kind.id(), "chỉ " + kindsThatBelong() + " mới ghi "
                        + parentNounVi(field) + "; cơ quan này là " + kind.id()));
            }
            Vocabulary.AgencyRecord declared = kind.record();
            if (declared != null) {
                String at = agencyAt(index) + "." + declared.name();
                if (agency.record() == null) {
                    problems.add(new Problem(at, "missing: a " + kind.id() + " has a " + declared.name(),
                            "thiếu: một " + kind.id() + " phải có " + declared.name()));
                } else {
                    facts(agency.record(), declared.fields(), () -> at, problems);
                }
            } else if (agency.record() != null) {
                String name = recordName();
                problems.add(new Problem(agencyAt(index) + "." + name, "only a " + kindsWithRecord() + " has a "
                        + name + "; this is a " + kind.id(), "chỉ " + kindsWithRecord() + " mới có " + name
                        + "; cơ quan này là " + kind.id()));
            }
        }

        /** The checks of an agency's members: how many it has, and that its record names only its own. */
        private void members(Agency agency, Vocabulary.Kind kind, int index, Set<String> members) {
            String place = agencyAt(index);
            Vocabulary.Kind memberKind = vocabulary.membersOf(kind.id()).stream().findFirst().orElse(null);
            if (kind.members() != null && members.size() < kind.members().atLeast()) {
                problems.add(members.isEmpty() && kind.members().atLeast() == 1
                        ? new Problem(place, kind.noun().en() + " \"" + agency.id() + "\" has no "
                                + kind.members().count(), kind.noun().vi() + " \"" + agency.id() + "\" không có "
                                + noun(memberKind, false) + " nào")
                        : new Problem(place, kind.noun().en() + " \"" + agency.id() + "\" has " + members.size() + " "
                                + kind.members().count() + ", fewer than " + kind.members().atLeast(),
                                kind.noun().vi() + " \"" + agency.id() + "\" có " + members.size() + " "
                                        + noun(memberKind, false) + ", ít hơn " + kind.members().atLeast()));
            }
            if (kind.record() == null || agency.record() == null) {
                return;
            }
            for (Vocabulary.Fact field : kind.record().fields()) {
                if (field.type() != Vocabulary.Type.AGENCIES || !(agency.record().get(field.name()) instanceof List<?> ids)) {
                    continue;
                }
                for (int k = 0; k < ids.size(); k++) {
                    Object id = ids.get(k);
                    if (id == null || !members.contains(id)) {
                        String quoted = id == null ? "null" : "\"" + id + "\"";
                        problems.add(new Problem(place + "." + kind.record().name() + "." + field.name() + "[" + k + "]",
                                quoted + " is not a " + noun(memberKind, true) + " of " + agency.id(),
                                quoted + " không phải là " + noun(memberKind, false) + " của " + agency.id()));
                    }
                }
            }
        }

        private void assessments(List<Assessment> assessments, Map<String, Agency> byId) {
            Map<String, Map<String, Integer>> seen = new HashMap<>();
            List<List<Problem>> factProblems = factProblems(assessments, byId);
            for (int i = 0; i < assessments.size(); i++) {
                Assessment assessment = assessments.get(i);
                Agency agency = byId.get(assessment.agency());
                if (agency == null) {
                    problems.add(new Problem(at(i) + ".agency", "unknown agency \"" + assessment.agency() + "\"",
                            "không có cơ quan \"" + assessment.agency() + "\""));
                }
                Vocabulary.Assessor assessor = assessors.get(assessment.assessor());
                if (assessor == null) {
                    String ids = vocabulary.assessors().stream().map(Vocabulary.Assessor::id)
                            .collect(Collectors.joining(", "));
                    problems.add(new Problem(at(i) + ".assessor", "\"" + assessment.assessor() + "\" is not one of "
                            + ids, "\"" + assessment.assessor() + "\" không phải một trong " + ids));
                }
                Integer first = seen.computeIfAbsent(assessment.assessor(), k -> new HashMap<>())
                        .putIfAbsent(assessment.agency(), i);
                if (first != null) {
                    problems.add(new Problem(at(i), "a second " + assessment.assessor() + " assessment of \""
                            + assessment.agency() + "\" (the first is assessments[" + first + "])",
                            "phiếu chấm " + assessment.assessor() + " thứ hai của \"" + assessment.agency()
                                    + "\" (phiếu đầu tiên là assessments[" + first + "])"));
                }
                if (agency != null && assessor != null && kinds.containsKey(agency.kind())
                        && !assessor.mayAssess(agency.kind())) {
                    problems.add(new Problem(at(i) + ".assessor", "a " + assessor.id() + " assessment is only of a "
                            + nouns(assessor.assesses(), true) + "; \"" + agency.id() + "\" is a " + agency.kind(),
                            "phiếu chấm " + assessor.id() + " chỉ dành cho " + nouns(assessor.assesses(), false)
                                    + "; \"" + agency.id() + "\" là " + agency.kind()));
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
        private List<List<Problem>> factProblems(List<Assessment> assessments, Map<String, Agency> byId) {
            @SuppressWarnings("unchecked")
            List<Problem>[] found = (List<Problem>[]) new List<?>[assessments.size()];
            IntStream positions = IntStream.range(0, assessments.size());
            boolean parallel = assessments.size() >= PARALLEL_FROM
                    && !"false".equals(System.getProperty("isoscoring.parallel"));
            (parallel ? positions.parallel() : positions).forEach(i -> {
                Assessment assessment = assessments.get(i);
                Agency agency = byId.get(assessment.agency());
                List<Problem> problems = new ArrayList<>(0);
                assessmentFacts(assessment.facts(), agency == null ? null : kinds.get(agency.kind()), i, problems);
                found[i] = problems.isEmpty() ? null : problems;
            });
            return Arrays.asList(found);
        }

        private void assessmentFacts(Facts facts, Vocabulary.Kind kind, int assessment, List<Problem> problems) {
            java.util.function.Supplier<String> place = () -> at(assessment) + ".facts";
            int before = problems.size();
            int given = facts(facts, kind == null ? vocabulary.facts() : factsOf.get(kind.id()), place, problems);
            if (given == facts.size()) {
                return; // every fact given is one the kind carries: no name to look up again
            }
            List<Problem> names = new ArrayList<>(1);
            for (String name : facts.names()) {
                Vocabulary.Fact fact = factsByName.get(name);
                if (fact == null) {
                    names.add(new Problem(place.get() + "." + name, "unknown fact \"" + name + "\"",
                            "không có dữ kiện \"" + name + "\""));
                } else if (kind != null && !fact.carriedBy(kind.id()) && facts.get(name) != null) {
                    String carriers = String.join(", ", fact.kinds().stream().sorted(this::inKindOrder).toList());
                    names.add(new Problem(place.get() + "." + name, "unknown fact for a " + kind.id() + " (the guidance "
                            + "gives it to " + carriers + " only)", "dữ kiện này không dùng cho " + kind.id()
                            + " (bộ tiêu chí chỉ dùng cho " + carriers + ")"));
                }
            }
            problems.addAll(before, names); // the names first, as a reader reads them
        }

        private int inKindOrder(String a, String b) {
            List<String> order = vocabulary.kinds().stream().map(Vocabulary.Kind::id).toList();
            return Integer.compare(order.indexOf(a), order.indexOf(b));
        }

        /**
         * The checks of declared facts: each present, of its type and range, then each within its whole. A place is
         * written only for a problem (a national request has half a million facts).
         */
        private int facts(Facts facts, List<Vocabulary.Fact> declared, java.util.function.Supplier<String> place,
                          List<Problem> problems) {
            int given = 0;
            Object[] values = facts.values(names.get(declared));
            for (int f = 0; f < declared.size(); f++) {
                Vocabulary.Fact fact = declared.get(f);
                Object value = values[f];
                boolean has = value != null || facts.has(fact.name());
                if (has) {
                    given++;
                }
                if (value == null) {
                    if (!fact.nullable() || !has) {
                        String at = place.get() + "." + fact.name();
                        problems.add(fact.nullable() ? new Problem(at, "missing (write null if it did not happen)",
                                "thiếu (ghi null nếu việc đó chưa diễn ra)") : JsonReader.missing(at));
                    }
                    continue;
                }
                if (fits(fact, value) && !(value instanceof Integer n && n < 0) && fact.min() == null) {
                    continue; // the common case: nothing to write
                }
                String at = place.get() + "." + fact.name();
                Problem wrong = type(fact, value, at);
                if (wrong != null) {
                    problems.add(wrong);
                } else if (value instanceof Integer count && count < 0) {
                    problems.add(new Problem(at, count + " is negative; a count is 0 or more", count + " là số âm; "
                            + "số lượng phải từ 0 trở lên"));
                } else if (fact.min() != null && number(value).compareTo(fact.min()) < 0) {
                    String min = fact.min().toPlainString();
                    problems.add(new Problem(at, plain(value) + " is less than " + min + ", the least " + fact.name()
                            + " may be", plain(value) + " nhỏ hơn " + min + ", giá trị nhỏ nhất của " + fact.name()));
                }
            }
            for (int f = 0; f < declared.size(); f++) {
                Vocabulary.Fact fact = declared.get(f);
                if (fact.partOf() == null || !(values[f] instanceof Integer part) || part < 0) {
                    continue;
                }
                Vocabulary.Measure measure = measures.get(fact.partOf());
                if (measure == null) {
                    if (facts.get(fact.partOf()) instanceof Integer whole && whole >= 0 && part > whole) {
                        problems.add(new Problem(place.get() + "." + fact.name(), part + " is more than " + fact.partOf()
                                + " (" + whole + ")", part + " lớn hơn " + fact.partOf() + " (" + whole + ")"));
                    }
                } else if (measure.computation() == Vocabulary.Computation.DIFFERENCE
                        && facts.get(measure.of().get(0)) instanceof Integer a
                        && facts.get(measure.of().get(1)) instanceof Integer b && b >= 0 && a - b >= 0 && part > a - b) {
                    String formula = measure.of().get(0) + " - " + measure.of().get(1) + " = " + (a - b);
                    problems.add(new Problem(place.get() + "." + fact.name(), part + " is more than " + measure.name() + " ("
                            + formula + ")", part + " lớn hơn " + measure.name() + " (" + formula + ")"));
                }
            }
            return given;
        }

        /** Whether a value is of its fact's type. */
        private boolean fits(Vocabulary.Fact fact, Object value) {
            return switch (fact.type()) {
                case COUNT -> value instanceof Integer;
                case DECIMAL -> value instanceof BigDecimal;
                case DATE -> value instanceof LocalDate;
                case BOOLEAN -> value instanceof Boolean;
                case CHOICE -> value instanceof String id && choiceIds.get(fact.choice()).contains(id);
                case AGENCIES -> value instanceof List<?>;
            };
        }

        /** A problem when a value is not of its fact's type (a request built in Java), else {@code null}. */
        private Problem type(Vocabulary.Fact fact, Object value, String at) {
            if (fits(fact, value)) {
                return null;
            }
            if (fact.type() == Vocabulary.Type.CHOICE && value instanceof String id) {
                String allowed = String.join(", ", fact.choice().ids());
                return new Problem(at, "\"" + id + "\" is not one of " + allowed, "\"" + id + "\" không phải một trong "
                        + allowed);
            }
            String expected = switch (fact.type()) {
                case COUNT -> "a whole number";
                case DECIMAL -> "a number";
                case DATE -> "a date YYYY-MM-DD";
                case BOOLEAN -> "true or false";
                case CHOICE -> "one of " + String.join(", ", fact.choice().ids());
                case AGENCIES -> "a list of agency ids";
            };
            String expectedVi = switch (fact.type()) {
                case COUNT -> "một số nguyên";
                case DECIMAL -> "một số";
                case DATE -> "một ngày YYYY-MM-DD";
                case BOOLEAN -> "true hoặc false";
                case CHOICE -> "một trong " + String.join(", ", fact.choice().ids());
                case AGENCIES -> "một danh sách mã cơ quan";
            };
            return new Problem(at, "expected " + expected + ", found " + plain(value), "cần " + expectedVi
                    + ", nhưng gặp " + plain(value));
        }

        private static BigDecimal number(Object value) {
            return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Integer) value).longValue());
        }

        private static String plain(Object value) {
            return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        }

        private String kindIds() {
            return vocabulary.kinds().stream().map(Vocabulary.Kind::id).collect(Collectors.joining(", "));
        }

        private String noun(Vocabulary.Kind kind, boolean english) {
            return kind == null ? "agency" : kind.noun().text(english);
        }

        private String nouns(Set<String> ids, boolean english) {
            return vocabulary.kinds().stream().filter(k -> ids.contains(k.id())).map(k -> k.noun().text(english))
                    .collect(Collectors.joining(english ? " or " : " hoặc "));
        }

        /** The JSON field that names the agency one belongs to (the first kind's that has one), for a message. */
        private String parentField() {
            return vocabulary.kinds().stream().filter(k -> k.belongsTo() != null).map(k -> k.belongsTo().field())
                    .findFirst().orElse("parent");
        }

        private String parentNounVi(String field) {
            return vocabulary.kinds().stream().filter(k -> k.belongsTo() != null && k.belongsTo().field().equals(field))
                    .map(k -> noun(kinds.get(k.belongsTo().kind()), false)).findFirst().orElse(field);
        }

        private String kindsThatBelong() {
            String ids = vocabulary.kinds().stream().filter(k -> k.belongsTo() != null).map(Vocabulary.Kind::id)
                    .collect(Collectors.joining(" or "));
            return ids.isEmpty() ? "member agency (none in this guidance)" : ids;
        }

        private String recordName() {
            return vocabulary.kinds().stream().filter(k -> k.record() != null).map(k -> k.record().name())
                    .findFirst().orElse("record");
        }

        private String kindsWithRecord() {
            String ids = vocabulary.kinds().stream().filter(k -> k.record() != null).map(Vocabulary.Kind::id)
                    .collect(Collectors.joining(" or "));
            return ids.isEmpty() ? "agency with a record (none in this guidance)" : ids;
        }
    }

    /** The place of an agency, written only when it has a problem (a request has thousands). */
    private static String agencyAt(int agency) {
        return "agencies[" + agency + "]";
    }

    /** The place of an assessment, written only when it has a problem (a request has thousands). */
    private static String at(int assessment) {
        return "assessments[" + assessment + "]";
    }
}
