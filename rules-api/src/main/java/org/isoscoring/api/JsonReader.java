package org.isoscoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a JSON tree into a request, collecting every structural problem with its place. */
final class JsonReader {

    private static final Set<String> REQUEST_FIELDS = Set.of("guidance", "year", "agencies", "assessments");
    private static final Set<String> AGENCY_FIELDS = Set.of("id", "name", "kind", "district", "communeScoring");
    private static final Set<String> SCORING_FIELDS = Set.of("onSiteCommunes", "resultsSentOn", "resultsDeadline");
    private static final Set<String> ASSESSMENT_FIELDS = Set.of("agency", "assessor", "facts");

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    ScoringRequest request(JsonNode root) {
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
        List<Agency> agencies = new ArrayList<>();
        JsonNode agencyNodes = array(root.get("agencies"), "agencies");
        if (agencyNodes != null && agencyNodes.size() > ScoringJson.MAX_AGENCIES) {
            problems.add(new Problem("agencies", agencyNodes.size() + " agencies, more than the limit of "
                    + ScoringJson.MAX_AGENCIES, agencyNodes.size() + " cơ quan, vượt giới hạn "
                    + ScoringJson.MAX_AGENCIES + " cơ quan"));
            return null;
        }
        if (agencyNodes != null) {
            for (int i = 0; i < agencyNodes.size(); i++) {
                Agency agency = agency(agencyNodes.get(i), "agencies[" + i + "]");
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
            for (int i = 0; i < assessmentNodes.size(); i++) {
                Assessment assessment = assessment(assessmentNodes.get(i), "assessments[" + i + "]");
                if (assessment != null) {
                    assessments.add(assessment);
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ScoringRequest(guidance, year, agencies, assessments);
    }

    private Agency agency(JsonNode node, String place) {
        if (!object(node, place)) {
            return null;
        }
        unknownFields(node, AGENCY_FIELDS, place);
        String id = requiredText(node, "id", place);
        String name = null;
        if (node.has("name") && !node.get("name").isNull()) {
            name = text(node.get("name"), place + ".name");
        }
        AgencyKind kind = enumeration(node.get("kind"), AgencyKind.class, place + ".kind", false);
        String district = null;
        if (node.has("district")) {
            district = node.get("district").isNull() ? null : text(node.get("district"), place + ".district");
        }
        CommuneScoring scoring = null;
        JsonNode s = node.get("communeScoring");
        if (s != null && !s.isNull() && object(s, place + ".communeScoring")) {
            String sp = place + ".communeScoring";
            unknownFields(s, SCORING_FIELDS, sp);
            List<String> onSite = new ArrayList<>();
            JsonNode list = array(s.get("onSiteCommunes"), sp + ".onSiteCommunes");
            if (list != null) {
                for (int k = 0; k < list.size(); k++) {
                    String c = text(list.get(k), sp + ".onSiteCommunes[" + k + "]");
                    if (c != null) {
                        onSite.add(c);
                    }
                }
            }
            LocalDate sent = date(s.get("resultsSentOn"), sp + ".resultsSentOn", true);
            LocalDate deadline = date(s.get("resultsDeadline"), sp + ".resultsDeadline", false);
            scoring = new CommuneScoring(onSite, sent, deadline);
        }
        if (id == null || kind == null) {
            return null;
        }
        return new Agency(id, name, kind, district, scoring);
    }

    private Assessment assessment(JsonNode node, String place) {
        if (!object(node, place)) {
            return null;
        }
        unknownFields(node, ASSESSMENT_FIELDS, place);
        String agency = requiredText(node, "agency", place);
        Assessor assessor = enumeration(node.get("assessor"), Assessor.class, place + ".assessor", false);
        Facts facts = facts(node.get("facts"), place + ".facts");
        if (agency == null || assessor == null || facts == null) {
            return null;
        }
        return new Assessment(agency, assessor, facts);
    }

    private Facts facts(JsonNode node, String place) {
        if (node == null) {
            problems.add(missing(place));
            return null;
        }
        if (!object(node, place)) {
            return null;
        }
        List<RecordComponent> components = FactValues.components();
        Set<String> names = components.stream().map(RecordComponent::getName).collect(Collectors.toSet());
        unknownFields(node, names, place);
        int before = problems.size();
        Object[] values = new Object[components.size()];
        for (int i = 0; i < components.size(); i++) {
            RecordComponent c = components.get(i);
            String name = c.getName();
            String at = place + "." + name;
            JsonNode value = node.get(name);
            boolean oversight = Facts.PUBLIC_OVERSIGHT_FACTS.contains(name);
            if (oversight && (value == null || value.isNull())) {
                values[i] = null; // whether it must be there depends on the agency's kind: RequestChecks
                continue;
            }
            Class<?> type = c.getType();
            if (type == int.class || type == Integer.class) {
                values[i] = integer(value, at, true);
            } else if (type == boolean.class) {
                values[i] = bool(value, at);
            } else if (type == LocalDate.class) {
                values[i] = date(value, at, Facts.NULLABLE_DATES.contains(name));
            } else if (type.isEnum()) {
                values[i] = enumeration(value, type.asSubclass(Enum.class), at, false);
            } else {
                throw new IllegalStateException("no JSON reading for fact type " + type);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            Constructor<Facts> constructor = Facts.class.getDeclaredConstructor(
                    components.stream().map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("cannot build Facts", e);
        }
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
            if (!node.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", node.textValue(), 0);
            }
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(place, "\"" + node.textValue() + "\" is not a date YYYY-MM-DD that exists",
                    "\"" + node.textValue() + "\" không phải một ngày YYYY-MM-DD có thật"));
            return null;
        }
    }

    private <E extends Enum<E>> E enumeration(JsonNode node, Class<E> type, String place, boolean nullable) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (node == null || node.isNull()) {
            if (!nullable) {
                problems.add(new Problem(place, (node == null ? "missing" : "must not be null")
                        + " (one of " + allowed + ")", (node == null ? "thiếu" : "không được là null")
                        + " (một trong " + allowed + ")"));
            }
            return null;
        }
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.textValue())) {
                    return constant;
                }
            }
        }
        problems.add(new Problem(place, (node.isTextual() ? "\"" + node.textValue() + "\"" : describe(node))
                + " is not one of " + allowed, (node.isTextual() ? "\"" + node.textValue() + "\"" : describeVi(node))
                + " không phải một trong " + allowed));
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
