package org.isoscoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a JSON tree into a request of one guidance, collecting every structural problem with its place: the fields
 * an agency and an assessment may have, and each fact's JSON type, come from the guidance's vocabulary.
 */
final class JsonReader {

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Set<String> REQUEST_FIELDS = Set.of("guidance", "year", "agencies", "assessments");
    private static final Set<String> ASSESSMENT_FIELDS = Set.of("agency", "assessor", "facts");

    private final List<Problem> problems = new ArrayList<>();
    /** The ids of each choice, made once (a record's hash is of all its values: kept by identity). */
    private final java.util.Map<Vocabulary.Choice, List<String>> ids = new java.util.IdentityHashMap<>();

    List<Problem> problems() {
        return problems;
    }

    /** The guidance and year a request names, read first: they decide how the rest is read. */
    record Heading(String guidance, Integer year) {
    }

    /** Reads {@code guidance} and {@code year}, or gives {@code null} with the problems of a document that is no request. */
    Heading heading(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            problems.add(new Problem("", "the document is empty: a request is a JSON object",
                    "tài liệu trống: một yêu cầu là một đối tượng JSON"));
            return null;
        }
        if (!root.isObject()) {
            problems.add(new Problem("", "a request is a JSON object, not " + describe(root),
                    "một yêu cầu là một đối tượng JSON, không phải " + describeVi(root)));
            return null;
        }
        unknownFields(root, REQUEST_FIELDS, "");
        String guidance = null;
        JsonNode g = root.get("guidance");
        if (g != null && !g.isNull()) {
            guidance = text(g, "guidance");
        }
        Integer year = integer(root.get("year"), "year", true);
        return new Heading(guidance, year);
    }

    /** Reads the request's agencies and assessments by the guidance's vocabulary; {@code null} with problems. */
    ScoringRequest request(JsonNode root, Heading heading, Vocabulary vocabulary) {
        List<Agency> agencies = new ArrayList<>();
        JsonNode agencyNodes = array(root.get("agencies"), "agencies");
        if (agencyNodes != null && agencyNodes.size() > ScoringJson.MAX_AGENCIES) {
            problems.add(new Problem("agencies", agencyNodes.size() + " agencies, more than the limit of "
                    + ScoringJson.MAX_AGENCIES, agencyNodes.size() + " cơ quan, vượt giới hạn "
                    + ScoringJson.MAX_AGENCIES + " cơ quan"));
            return null;
        }
        Set<String> agencyFields = new HashSet<>(Set.of("id", "name", "kind"));
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.belongsTo() != null) {
                agencyFields.add(k.belongsTo().field());
            }
            if (k.record() != null) {
                agencyFields.add(k.record().name());
            }
        }
        if (agencyNodes != null) {
            for (int i = 0; i < agencyNodes.size(); i++) {
                Agency agency = agency(agencyNodes.get(i), "agencies[" + i + "]", vocabulary, agencyFields);
                if (agency != null) {
                    agencies.add(agency);
                }
            }
        }
        List<Assessment> assessments = new ArrayList<>();
        JsonNode assessmentNodes = array(root.get("assessments"), "assessments");
        if (assessmentNodes != null && assessmentNodes.size() > ScoringJson.MAX_ASSESSMENTS) {
            problems.add(new Problem("assessments", assessmentNodes.size() + " assessments, more than the limit of "
                    + ScoringJson.MAX_ASSESSMENTS, assessmentNodes.size() + " phiếu chấm, vượt giới hạn "
                    + ScoringJson.MAX_ASSESSMENTS + " phiếu chấm"));
            return null;
        }
        if (assessmentNodes != null) {
            Set<String> factNames = new HashSet<>();
            vocabulary.facts().forEach(f -> factNames.add(f.name()));
            List<String> assessors = vocabulary.assessors().stream().map(Vocabulary.Assessor::id).toList();
            for (int i = 0; i < assessmentNodes.size(); i++) {
                Assessment assessment = assessment(assessmentNodes.get(i), "assessments[" + i + "]", vocabulary,
                        factNames, assessors);
                if (assessment != null) {
                    assessments.add(assessment);
                }
            }
        }
        if (!problems.isEmpty() || heading.year() == null) {
            return null;
        }
        return new ScoringRequest(heading.guidance(), heading.year(), agencies, assessments);
    }

    private Agency agency(JsonNode node, String place, Vocabulary vocabulary, Set<String> fields) {
        if (!object(node, place)) {
            return null;
        }
        unknownFields(node, fields, place);
        String id = requiredText(node, "id", place);
        String name = null;
        if (node.has("name") && !node.get("name").isNull()) {
            name = text(node.get("name"), place + ".name");
        }
        String kindId = choice(node.get("kind"), vocabulary.kinds().stream().map(Vocabulary.Kind::id).toList(),
                place + ".kind");
        Vocabulary.Kind kind = kindId == null ? null : vocabulary.kind(kindId).orElse(null);
        String parent = null;
        Facts record = null;
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.belongsTo() != null && node.has(k.belongsTo().field())) {
                String field = k.belongsTo().field();
                JsonNode value = node.get(field);
                String at = place + "." + field;
                String given = value.isNull() ? null : text(value, at);
                if (kind != null && kind.belongsTo() != null && kind.belongsTo().field().equals(field)) {
                    parent = given;
                } else if (kind != null && given != null) {
                    problems.add(new Problem(at, "only a " + kindsWithField(vocabulary, field) + " names a " + field
                            + "; this is a " + kind.id(), "chỉ " + kindsWithField(vocabulary, field) + " mới ghi "
                            + vocabulary.kind(k.belongsTo().kind()).map(p -> p.noun().vi()).orElse(field)
                            + "; cơ quan này là " + kind.id()));
                }
            }
            if (k.record() != null && node.has(k.record().name())) {
                String at = place + "." + k.record().name();
                JsonNode value = node.get(k.record().name());
                if (value.isNull()) {
                    continue;
                }
                if (kind != null && kind != k && (kind.record() == null
                        || !kind.record().name().equals(k.record().name()))) {
                    problems.add(new Problem(at, "only a " + k.id() + " has a " + k.record().name() + "; this is a "
                            + kind.id(), "chỉ " + k.id() + " mới có " + k.record().name() + "; cơ quan này là "
                            + kind.id()));
                } else if (object(value, at)) {
                    Vocabulary.AgencyRecord declared = (kind != null ? kind : k).record();
                    Set<String> recordFields = new HashSet<>();
                    declared.fields().forEach(f -> recordFields.add(f.name()));
                    unknownFields(value, recordFields, at);
                    record = facts(value, at, declared.fields(), false);
                }
            }
        }
        if (id == null || kind == null) {
            return null;
        }
        return new Agency(id, name, kind.id(), parent, record);
    }

    private static String kindsWithField(Vocabulary vocabulary, String field) {
        return vocabulary.kinds().stream().filter(k -> k.belongsTo() != null && k.belongsTo().field().equals(field))
                .map(Vocabulary.Kind::id).collect(Collectors.joining(" or "));
    }

    private Assessment assessment(JsonNode node, String place, Vocabulary vocabulary, Set<String> factNames,
                                  List<String> assessors) {
        if (!object(node, place)) {
            return null;
        }
        unknownFields(node, ASSESSMENT_FIELDS, place);
        String agency = requiredText(node, "agency", place);
        String assessor = choice(node.get("assessor"), assessors, place + ".assessor");
        JsonNode factNode = node.get("facts");
        Facts facts = null;
        if (factNode == null) {
            problems.add(missing(place + ".facts"));
        } else if (object(factNode, place + ".facts")) {
            unknownFields(factNode, factNames, place + ".facts");
            facts = facts(factNode, place + ".facts", vocabulary.facts(), true);
        }
        if (agency == null || assessor == null || facts == null) {
            return null;
        }
        return new Assessment(agency, assessor, facts);
    }

    /**
     * The declared facts of an object, each read as its type says; a fact carried by some kinds only may be absent
     * or null (whether it must be there depends on the agency's kind: {@link RequestChecks}), every other fact is
     * required. {@code null} when one of them has a problem.
     */
    private Facts facts(JsonNode node, String place, List<Vocabulary.Fact> declared, boolean assessment) {
        int before = problems.size();
        Facts.Builder facts = Facts.builder();
        for (Vocabulary.Fact fact : declared) {
            String name = fact.name();
            String at = place + "." + name;
            JsonNode value = node.get(name);
            if (assessment && !fact.kinds().isEmpty() && (value == null || value.isNull())) {
                continue;
            }
            Object read = switch (fact.type()) {
                case COUNT -> integer(value, at, true);
                case DECIMAL -> decimal(value, at);
                case BOOLEAN -> bool(value, at);
                case DATE -> date(value, at, fact.nullable());
                case CHOICE -> choice(value, ids.computeIfAbsent(fact.choice(), Vocabulary.Choice::ids), at);
                case AGENCIES -> ids(value, at);
            };
            if (read != null || value != null && value.isNull() && fact.nullable()) {
                facts.set(name, read);
            }
        }
        return problems.size() > before ? null : facts.build();
    }

    private List<String> ids(JsonNode node, String place) {
        JsonNode list = array(node, place);
        if (list == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            String c = text(list.get(k), place + "[" + k + "]");
            if (c != null) {
                ids.add(c);
            }
        }
        return ids;
    }

    private void unknownFields(JsonNode node, Set<String> known, String place) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Problem(join(place, name), "unknown field \"" + name + "\""
                        + suggestion(name, known, true), "trường \"" + name + "\" không có trong định dạng"
                        + suggestion(name, known, false)));
            }
        }
    }

    private static String suggestion(String name, Set<String> known, boolean english) {
        return known.stream().filter(k -> k.equalsIgnoreCase(name) || distance(k, name) <= 2).sorted().findFirst()
                .map(k -> english ? " (did you mean \"" + k + "\"?)" : " (có phải là \"" + k + "\"?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String join(String place, String name) {
        return place.isEmpty() ? name : place + "." + name;
    }

    private boolean object(JsonNode node, String place) {
        if (node == null) {
            problems.add(missing(place));
            return false;
        }
        if (!node.isObject()) {
            problems.add(new Problem(place, "expected an object, found " + describe(node),
                    "cần một đối tượng, nhưng gặp " + describeVi(node)));
            return false;
        }
        return true;
    }

    private JsonNode array(JsonNode node, String place) {
        if (node == null) {
            problems.add(missing(place));
            return null;
        }
        if (!node.isArray()) {
            problems.add(new Problem(place, "expected an array, found " + describe(node),
                    "cần một mảng, nhưng gặp " + describeVi(node)));
            return null;
        }
        return node;
    }

    private String requiredText(JsonNode parent, String field, String place) {
        JsonNode node = parent.get(field);
        String at = join(place, field);
        if (node == null || node.isNull()) {
            problems.add(missing(at));
            return null;
        }
        return text(node, at);
    }

    private String text(JsonNode node, String place) {
        if (!node.isTextual()) {
            problems.add(new Problem(place, "expected a string, found " + describe(node),
                    "cần một chuỗi, nhưng gặp " + describeVi(node)));
            return null;
        }
        return node.textValue();
    }

    private Integer integer(JsonNode node, String place, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(node == null ? missing(place) : new Problem(place, "must not be null",
                        "không được là null"));
            }
            return null;
        }
        if (!node.isIntegralNumber()) {
            problems.add(node.isNumber()
                    ? new Problem(place, node.asText() + " is not a whole number (counts are JSON integers such as 3,"
                            + " not 3.0)", node.asText() + " không phải số nguyên (số lượng viết là số nguyên JSON"
                            + " như 3, không phải 3.0)")
                    : new Problem(place, "expected a whole number, found " + describe(node),
                            "cần một số nguyên, nhưng gặp " + describeVi(node)));
            return null;
        }
        if (!node.canConvertToInt()) {
            problems.add(new Problem(place, abbreviate(node.asText()) + " is out of range (a count is 0 to "
                    + Integer.MAX_VALUE + ")", abbreviate(node.asText()) + " nằm ngoài giới hạn (số lượng từ 0 đến "
                    + Integer.MAX_VALUE + ")"));
            return null;
        }
        return node.intValue();
    }

    private Boolean bool(JsonNode node, String place) {
        if (node == null || node.isNull()) {
            problems.add(node == null ? missing(place) : new Problem(place, "must not be null (true or false)",
                    "không được là null (true hoặc false)"));
            return null;
        }
        if (!node.isBoolean()) {
            problems.add(new Problem(place, "expected true or false, found " + describe(node),
                    "cần true hoặc false, nhưng gặp " + describeVi(node)));
            return null;
        }
        return node.booleanValue();
    }

    private LocalDate date(JsonNode node, String place, boolean nullable) {
        if (node == null) {
            problems.add(nullable ? new Problem(place, "missing (write null if it did not happen)",
                    "thiếu (ghi null nếu việc đó chưa diễn ra)") : missing(place));
            return null;
        }
        if (node.isNull()) {
            if (!nullable) {
                problems.add(new Problem(place, "must not be null: a date YYYY-MM-DD",
                        "không được là null: cần một ngày YYYY-MM-DD"));
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(place, "expected a date YYYY-MM-DD, found " + describe(node),
                    "cần một ngày YYYY-MM-DD, nhưng gặp " + describeVi(node)));
            return null;
        }
        try {
            if (!DATE.matcher(node.textValue()).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", node.textValue(), 0);
            }
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(place, "\"" + node.textValue() + "\" is not a date YYYY-MM-DD that exists",
                    "\"" + node.textValue() + "\" không phải một ngày YYYY-MM-DD có thật"));
            return null;
        }
    }

    private BigDecimal decimal(JsonNode node, String place) {
        if (node == null || node.isNull()) {
            problems.add(node == null ? missing(place) : new Problem(place, "must not be null", "không được là null"));
            return null;
        }
        if (!node.isNumber()) {
            problems.add(new Problem(place, "expected a number, found " + describe(node),
                    "cần một số, nhưng gặp " + describeVi(node)));
            return null;
        }
        return node.decimalValue();
    }

    /** One of {@code allowed}, given as a string. */
    private String choice(JsonNode node, List<String> allowed, String place) {
        int known = node != null && node.isTextual() ? allowed.indexOf(node.textValue()) : -1;
        if (known >= 0) {
            return allowed.get(known); // the guidance's own string: every assessment shares it
        }
        String list = String.join(", ", allowed);
        if (node == null || node.isNull()) {
            problems.add(new Problem(place, (node == null ? "missing" : "must not be null")
                    + " (one of " + list + ")", (node == null ? "thiếu" : "không được là null")
                    + " (một trong " + list + ")"));
            return null;
        }
        problems.add(new Problem(place, (node.isTextual() ? "\"" + node.textValue() + "\"" : describe(node))
                + " is not one of " + list, (node.isTextual() ? "\"" + node.textValue() + "\"" : describeVi(node))
                + " không phải một trong " + list));
        return null;
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + abbreviate(node.textValue()) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + abbreviate(node.asText());
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** The Vietnamese of {@link #describe}: what a JSON value is, with a short text or number as written. */
    private static String describeVi(JsonNode node) {
        if (node.isTextual()) {
            return "chuỗi \"" + abbreviate(node.textValue()) + "\"";
        }
        if (node.isNumber()) {
            return "số " + abbreviate(node.asText());
        }
        if (node.isBoolean() || node.isNull()) {
            return node.asText();
        }
        return node.isArray() ? "một mảng" : "một đối tượng";
    }

    /** A value that is not there. */
    static Problem missing(String place) {
        return new Problem(place, "missing", "thiếu");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
