package org.isoscoring.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON Schema (draft 2020-12) of a request (FORMAT.md) for one guidance, made from what the guidance declares
 * ({@link GuidanceInfo#vocabulary()}): its years, kinds of agency with their fields and records, assessors, and
 * every fact with its type, title and help. A provincial system validates its requests before sending them, or
 * builds its forms from it:
 *
 * <pre>{@code
 * String schema = RequestSchema.of(engine.guidances().get(0));
 * }</pre>
 *
 * <p>The schema checks the shape of a request: unknown fields, types, enum values, required and forbidden fields,
 * counts from their least value. What relates one value to another is left to the library ({@link RequestChecks}
 * and the engine): a count above the count it is part of, references between agencies, which facts an agency of
 * each kind carries (an assessment does not say its agency's kind, so a fact carried by some kinds only is allowed
 * and not required), which assessor may assess which kind. In JSON Schema {@code 3.0} is the integer 3, so the
 * schema accepts it as a count where the library does not.
 */
public final class RequestSchema {

    /** The JSON Schema dialect of every schema made here. */
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestSchema() {
    }

    /**
     * The schema of a request for this guidance, as pretty JSON text (two spaces of indent, a final newline). The
     * same guidance always gives the same text.
     *
     * @param guidance the guidance whose requests the schema describes
     * @return the schema, as JSON text
     */
    public static String of(GuidanceInfo guidance) {
        return write(new Maker(guidance).root());
    }

    /** The {@code $id} of the schema of a guidance: {@code urn:iso-scoring:request:} and the id, percent-encoded. */
    static String id(String guidance) {
        StringBuilder id = new StringBuilder("urn:iso-scoring:request:");
        for (byte b : guidance.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                id.append(c);
            } else {
                id.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return id.toString();
    }

    /** Builds the schema of one guidance. */
    private static final class Maker {

        private final GuidanceInfo guidance;
        private final Vocabulary vocabulary;

        Maker(GuidanceInfo guidance) {
            this.guidance = guidance;
            this.vocabulary = guidance.vocabulary();
        }

        ObjectNode root() {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", DIALECT);
            root.put("$id", id(guidance.id()));
            root.put("title", "Yêu cầu chấm điểm theo bộ tiêu chí " + guidance.id() + " / Scoring request for the "
                    + "guidance " + guidance.id());
            root.put("description", guidance.title() + ". Một yêu cầu chấm điểm (FORMAT.md) của bộ tiêu chí này, lập"
                    + " từ các khai báo của nó; các kiểm tra liên hệ giữa các giá trị (một phần không lớn hơn tổng"
                    + " của nó, mã cơ quan, …) do thư viện làm. / A scoring request (FORMAT.md) for this guidance, made"
                    + " from its declarations; the checks that relate values to each other (a part no larger than its"
                    + " whole, agency ids, …) are the library's.");
            root.put("type", "object");
            root.put("additionalProperties", false);
            root.set("required", strings(List.of("year", "agencies", "assessments")));
            ObjectNode properties = root.putObject("properties");
            ObjectNode g = properties.putObject("guidance");
            g.put("title", "Mã bộ tiêu chí");
            g.put("description", "The guidance's id; optional: without it, the bundled guidance that covers the year"
                    + " scores the request.");
            g.put("type", "string");
            g.set("enum", strings(List.of(guidance.id())));
            ObjectNode year = properties.putObject("year");
            year.put("title", "Năm đánh giá");
            year.put("description", "The assessed year: one the guidance covers.");
            year.put("type", "integer");
            ArrayNode years = year.putArray("enum");
            guidance.years().forEach(years::add);
            properties.set("agencies", list("Các cơ quan được chấm", "The agencies of the request.",
                    ScoringJson.MAX_AGENCIES, "agency"));
            properties.set("assessments", list("Các phiếu chấm", "The assessments: who assessed which agency, with"
                    + " the facts found.", ScoringJson.MAX_ASSESSMENTS, "assessment"));
            ObjectNode defs = root.putObject("$defs");
            defs.set("agency", agency());
            defs.set("assessment", assessment());
            defs.set("facts", facts());
            return root;
        }

        private static ObjectNode list(String title, String description, int most, String item) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("title", title);
            node.put("description", description + " At most " + most + ".");
            node.put("type", "array");
            node.put("maxItems", most);
            node.putObject("items").put("$ref", "#/$defs/" + item);
            return node;
        }

        private ObjectNode agency() {
            ObjectNode agency = object("Cơ quan", kindFields().isEmpty() ? "An agency."
                    : "An agency. Its kind decides which of the fields " + String.join(", ", kindFields().keySet())
                    + " it has.");
            agency.set("required", strings(List.of("id", "kind")));
            ObjectNode properties = agency.putObject("properties");
            ObjectNode id = properties.putObject("id");
            id.put("title", "Mã cơ quan");
            id.put("description", "The agency's id, unique in the request; not empty or blank.");
            id.put("type", "string");
            id.put("minLength", 1);
            id.put("pattern", "\\S");
            ObjectNode name = properties.putObject("name");
            name.put("title", "Tên cơ quan");
            name.put("description", "The agency's name; optional.");
            name.set("type", strings(List.of("string", "null")));
            ObjectNode kind = properties.putObject("kind");
            kind.put("title", "Loại cơ quan");
            kind.put("description", "The kind of agency: " + vocabulary.kinds().stream()
                    .map(k -> k.id() + " (" + k.title().vi() + " / " + k.title().en() + ")")
                    .collect(Collectors.joining(", ")) + ".");
            kind.put("type", "string");
            kind.set("enum", strings(vocabulary.kinds().stream().map(Vocabulary.Kind::id).toList()));
            ArrayNode conditions = MAPPER.createArrayNode();
            for (Map.Entry<String, List<Vocabulary.Kind>> field : kindFields().entrySet()) {
                List<Vocabulary.Kind> kinds = field.getValue();
                List<String> ids = kinds.stream().map(Vocabulary.Kind::id).toList();
                List<ObjectNode> schemas = kinds.stream().map(k -> kindField(k, field.getKey())).toList();
                boolean same = schemas.stream().distinct().count() == 1;
                ObjectNode shared = same ? schemas.get(0).deepCopy() : MAPPER.createObjectNode()
                        .put("description", "Depends on the agency's kind: " + String.join(", ", ids) + ".");
                properties.set(field.getKey(), shared);
                if (same) {
                    conditions.add(condition(ids, field.getKey(), null));
                } else { // kinds that give one field different records: each kind's record in its own branch
                    for (int i = 0; i < kinds.size(); i++) {
                        conditions.add(condition(List.of(ids.get(i)), field.getKey(), schemas.get(i)));
                    }
                    conditions.add(condition(ids, field.getKey(), null));
                }
            }
            if (!conditions.isEmpty()) {
                agency.set("allOf", conditions);
            }
            return agency;
        }

        /**
         * The agency fields a kind decides, in the order of the kinds: the field naming the agency it belongs to
         * ({@code district}) and its record ({@code communeScoring}), each with the kinds that have it.
         */
        private Map<String, List<Vocabulary.Kind>> kindFields() {
            Map<String, List<Vocabulary.Kind>> fields = new LinkedHashMap<>();
            for (Vocabulary.Kind kind : vocabulary.kinds()) {
                if (kind.belongsTo() != null) {
                    fields.computeIfAbsent(kind.belongsTo().field(), f -> new ArrayList<>()).add(kind);
                }
                if (kind.record() != null) {
                    fields.computeIfAbsent(kind.record().name(), f -> new ArrayList<>()).add(kind);
                }
            }
            return fields;
        }

        /** The schema of one kind's field: the id of the agency it belongs to, or its record. */
        private ObjectNode kindField(Vocabulary.Kind kind, String field) {
            if (kind.belongsTo() != null && kind.belongsTo().field().equals(field)) {
                Vocabulary.Kind owner = vocabulary.kind(kind.belongsTo().kind()).orElse(null);
                ObjectNode node = MAPPER.createObjectNode();
                node.put("title", owner == null ? kind.belongsTo().kind() : owner.title().vi() + " của "
                        + kind.noun().vi());
                node.put("description", "The id of the " + (owner == null ? kind.belongsTo().kind()
                        : owner.noun().en()) + " (" + kind.belongsTo().kind() + ") this " + kind.noun().en()
                        + " belongs to: required for " + kindsOf(field) + ", forbidden for the other kinds.");
                node.put("type", "string");
                return node;
            }
            Vocabulary.AgencyRecord record = kind.record();
            ObjectNode node = object("Hồ sơ của " + kind.noun().vi() + " (" + record.name() + ")",
                    "What a " + kind.noun().en() + " (" + kind.id() + ") records besides its assessments: required"
                            + " for " + kindsOf(field) + ", forbidden for the other kinds.");
            node.set("required", strings(record.fields().stream().map(Vocabulary.Fact::name).toList()));
            ObjectNode properties = node.putObject("properties");
            record.fields().forEach(f -> properties.set(f.name(), fact(f)));
            return node;
        }

        private String kindsOf(String field) {
            return kindFields().get(field).stream().map(Vocabulary.Kind::id).collect(Collectors.joining(", "));
        }

        /**
         * {@code if kind is one of kinds then field is required (and, with a schema, valid to it) else the field
         * is forbidden}; with a schema, the {@code else} is left out (the shared condition of the field says it).
         */
        private static ObjectNode condition(List<String> kinds, String field, JsonNode schema) {
            ObjectNode condition = MAPPER.createObjectNode();
            ObjectNode kind = condition.putObject("if").putObject("properties").putObject("kind");
            if (kinds.size() == 1) {
                kind.put("const", kinds.get(0));
            } else {
                kind.set("enum", strings(kinds));
            }
            ((ObjectNode) condition.get("if")).set("required", strings(List.of("kind")));
            ObjectNode then = condition.putObject("then");
            then.set("required", strings(List.of(field)));
            if (schema != null) {
                then.putObject("properties").set(field, schema);
            } else {
                condition.putObject("else").putObject("not").set("required", strings(List.of(field)));
            }
            return condition;
        }

        private ObjectNode assessment() {
            ObjectNode assessment = object("Phiếu chấm", "One assessment of one agency by one assessor.");
            assessment.set("required", strings(List.of("agency", "assessor", "facts")));
            ObjectNode properties = assessment.putObject("properties");
            ObjectNode agency = properties.putObject("agency");
            agency.put("title", "Mã cơ quan được chấm");
            agency.put("description", "The id of the agency assessed, one of the request's agencies.");
            agency.put("type", "string");
            ObjectNode assessor = properties.putObject("assessor");
            assessor.put("title", "Người chấm");
            assessor.put("description", "Who assessed: " + vocabulary.assessors().stream()
                    .map(a -> a.id() + " (" + a.title().vi() + " / " + a.title().en()
                            + (a.assesses().isEmpty() ? "" : "; only of " + inKindOrder(a.assesses())) + ")")
                    .collect(Collectors.joining(", ")) + ".");
            assessor.put("type", "string");
            assessor.set("enum", strings(vocabulary.assessors().stream().map(Vocabulary.Assessor::id).toList()));
            properties.putObject("facts").put("$ref", "#/$defs/facts");
            return assessment;
        }

        private ObjectNode facts() {
            List<Vocabulary.Fact> some = vocabulary.facts().stream().filter(f -> !f.kinds().isEmpty()).toList();
            ObjectNode facts = object("Các dữ kiện của phiếu chấm", "The facts the assessor found, each declared by"
                    + " the guidance's facts.json. A fact carried by every kind of agency is required; "
                    + (some.isEmpty() ? "this guidance has no fact carried by some kinds only."
                    : "a fact carried by some kinds only (" + some.stream().map(Vocabulary.Fact::name)
                    .collect(Collectors.joining(", ")) + ") is allowed and not required here, since an assessment"
                    + " does not say its agency's kind: the library requires it for those kinds and rejects it for"
                    + " the others.") + " Counts are JSON integers: the library rejects 3.0 where a count is due,"
                    + " which JSON Schema counts as the integer 3.");
            facts.set("required", strings(vocabulary.facts().stream().filter(f -> f.kinds().isEmpty())
                    .map(Vocabulary.Fact::name).toList()));
            ObjectNode properties = facts.putObject("properties");
            vocabulary.facts().forEach(f -> properties.set(f.name(), fact(f)));
            return facts;
        }

        /** The schema of one fact (or field of a record): its type, title and description. */
        private ObjectNode fact(Vocabulary.Fact fact) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("title", fact.title().vi());
            node.put("description", description(fact));
            switch (fact.type()) {
                case COUNT -> {
                    type(node, "integer", fact.nullable());
                    BigDecimal least = fact.min() == null || fact.min().signum() < 0 ? BigDecimal.ZERO : fact.min();
                    node.put("minimum", plain(least));
                    node.put("maximum", Integer.MAX_VALUE);
                }
                case DECIMAL -> {
                    type(node, "number", fact.nullable());
                    if (fact.min() != null) {
                        node.put("minimum", plain(fact.min()));
                    }
                }
                case DATE -> {
                    type(node, "string", fact.nullable());
                    node.put("format", "date");
                    node.put("pattern", DATE_PATTERN);
                }
                case BOOLEAN -> type(node, "boolean", fact.nullable());
                case CHOICE -> {
                    type(node, "string", fact.nullable());
                    ArrayNode values = strings(fact.choice().ids());
                    if (fact.nullable()) {
                        values.addNull();
                    }
                    node.set("enum", values);
                }
                case AGENCIES -> {
                    type(node, "array", fact.nullable());
                    node.putObject("items").put("type", "string");
                }
                default -> throw new IllegalStateException("no JSON Schema for the type " + fact.type());
            }
            return node;
        }

        /** The English title, the help in both languages, then what the type and declarations say, a sentence each. */
        private String description(Vocabulary.Fact fact) {
            List<String> sentences = new ArrayList<>();
            sentences.add(fact.title().en());
            if (fact.help() != null) {
                sentences.add(fact.help().en().equals(fact.help().vi()) ? fact.help().vi()
                        : fact.help().vi() + " / " + fact.help().en());
            }
            if (fact.type() == Vocabulary.Type.CHOICE) {
                sentences.add("Values: " + fact.choice().values().stream().map(v -> v.id() + " (" + v.title().vi()
                        + " / " + v.title().en() + ")").collect(Collectors.joining(", ")));
            }
            if (fact.nullable()) {
                sentences.add("Null when it has not happened, but always present");
            }
            if (fact.partOf() != null) {
                sentences.add("At most " + fact.partOf() + ", which the library checks");
            }
            if (fact.countAs() != null) {
                sentences.add("Its distinct ids are counted as " + fact.countAs());
            }
            if (!fact.kinds().isEmpty()) {
                sentences.add("Only for " + inKindOrder(fact.kinds()) + ": the library requires it for those kinds"
                        + " and rejects it for the others; the schema cannot see the agency's kind, so here it is"
                        + " allowed and not required");
            }
            return sentences.stream().map(t -> t.endsWith(".") ? t : t + ".").collect(Collectors.joining(" "));
        }

        /** Kind ids of a set, in the order the guidance declares its kinds (sets have no order of their own). */
        private String inKindOrder(Set<String> kinds) {
            List<String> ordered = new ArrayList<>(vocabulary.kinds().stream().map(Vocabulary.Kind::id)
                    .filter(kinds::contains).toList());
            kinds.stream().filter(k -> !ordered.contains(k)).sorted().forEach(ordered::add);
            return String.join(", ", ordered);
        }

        private static void type(ObjectNode node, String type, boolean nullable) {
            if (nullable) {
                node.set("type", strings(List.of(type, "null")));
            } else {
                node.put("type", type);
            }
        }

        private static ObjectNode object(String title, String description) {
            ObjectNode node = MAPPER.createObjectNode();
            if (title != null) {
                node.put("title", title);
            }
            if (description != null) {
                node.put("description", description);
            }
            node.put("type", "object");
            node.put("additionalProperties", false);
            return node;
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A decimal as JSON writes it best: {@code 1}, not {@code 1.0} or {@code 1E+1}. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String write(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the schema", e);
        }
    }
}
