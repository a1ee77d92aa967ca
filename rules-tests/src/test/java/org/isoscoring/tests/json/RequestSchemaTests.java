package org.isoscoring.tests.json;

import org.isoscoring.tests.support.Requests;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.Label;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RequestSchema;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.tests.properties.Generators;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.SeedReporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;

/**
 * The JSON Schema of a request ({@link RequestSchema}, {@code iso-scoring schema}), checked with an independent
 * validator (networknt json-schema-validator, draft 2020-12): it is a valid schema, every valid request the project
 * knows validates against it, structurally wrong requests do not, and the library's own reader rejects each of those
 * too.
 */
@DisplayName("The request's JSON Schema")
class RequestSchemaTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ScoringEngine ENGINE = ScoringEngine.create();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final GuidanceInfo BAC_GIANG = ENGINE.guidances().stream()
            .filter(g -> g.id().equals("bac-giang-2022")).findFirst().orElseThrow();
    private static final Schema SCHEMA = schema(BAC_GIANG);

    private static final int GENERATED = 200;

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Schema schema(GuidanceInfo guidance) {
        return REGISTRY.getSchema(tree(RequestSchema.of(guidance)));
    }

    /** The validator's errors, one line each: the place in the request and the message. */
    static List<String> errors(Schema schema, JsonNode request) {
        return schema.validate(request).stream().map(Error::toString).toList();
    }

    static JsonNode exampleProvince() {
        try {
            return MAPPER.readTree(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    @DisplayName("made from a guidance's declarations")
    class Made {

        @Test
        @DisplayName("given each bundled guidance, then its schema is a valid draft 2020-12 schema (meta-schema) that the validator loads")
        void validSchema() {
            Schema meta = REGISTRY.getSchema(SchemaLocation.of(DIALECT));
            List<GuidanceInfo> bundled = ENGINE.guidances();
            assertThat(bundled).isNotEmpty();
            for (GuidanceInfo guidance : bundled) {
                JsonNode schema = tree(RequestSchema.of(guidance));
                assertThat(errors(meta, schema)).as(guidance.id()).isEmpty();
                assertThat(schema.get("$schema").asText()).isEqualTo(DIALECT);
                assertThat(schema.get("$id").asText()).isEqualTo("urn:iso-scoring:request:" + guidance.id());
                Schema loaded = REGISTRY.getSchema(schema);
                loaded.initializeValidators(); // resolves every $ref now: a broken one fails here
                assertThat(loaded.validate(MAPPER.createObjectNode())).isNotEmpty(); // {} lacks year, agencies, ...
            }
        }

        @Test
        @DisplayName("when made twice, then the text is the same, indented by two spaces, with a final newline")
        void deterministic() {
            String first = RequestSchema.of(BAC_GIANG);
            assertThat(RequestSchema.of(BAC_GIANG)).isEqualTo(first);
            assertThat(first).startsWith("{\n  \"$schema\": \"" + DIALECT + "\",\n").endsWith("}\n")
                    .doesNotContain("\t").doesNotContain("\r");
            assertThat(first).contains("\n    \"guidance\": {\n      \"title\"");
        }

        @Test
        @DisplayName("then its facts are the declared facts, in order, typed, titled; those of every kind are required")
        void facts() {
            JsonNode facts = tree(RequestSchema.of(BAC_GIANG)).at("/$defs/facts");
            Vocabulary vocabulary = BAC_GIANG.vocabulary();
            List<String> names = new ArrayList<>();
            facts.get("properties").fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyElementsOf(vocabulary.facts().stream().map(Vocabulary.Fact::name).toList());
            assertThat(facts.get("additionalProperties").asBoolean(true)).isFalse();
            List<String> required = new ArrayList<>();
            facts.get("required").forEach(n -> required.add(n.asText()));
            assertThat(required).containsExactlyElementsOf(vocabulary.facts().stream()
                    .filter(f -> f.kinds().isEmpty()).map(Vocabulary.Fact::name).toList());
            assertThat(required).doesNotContain("publicDisclosure", "feedbackReceived", "feedbackResolved")
                    .contains("staffTotal", "annualPlanIssuedOn", "reportDeadline");
            assertThat(facts.get("description").asText()).contains("agency's kind");
            for (Vocabulary.Fact fact : vocabulary.facts()) {
                JsonNode p = facts.get("properties").get(fact.name());
                assertThat(p.get("title").asText()).as(fact.name()).isEqualTo(fact.title().vi());
                assertThat(p.get("description").asText()).as(fact.name()).startsWith(fact.title().en());
            }
            JsonNode p = facts.get("properties");
            assertThat(p.get("staffTotal").get("type").asText()).isEqualTo("integer");
            assertThat(p.get("staffTotal").get("minimum").asInt()).isEqualTo(1); // declared "min": 1
            assertThat(p.get("staffTrained").get("minimum").asInt()).isZero();
            assertThat(p.get("staffTrained").get("maximum").asLong()).isEqualTo(Integer.MAX_VALUE);
            assertThat(p.get("annualPlanIssuedOn").get("type")).hasToString("[\"string\",\"null\"]");
            assertThat(p.get("reportDeadline").get("type").asText()).isEqualTo("string");
            assertThat(p.get("reportDeadline").get("format").asText()).isEqualTo("date");
            assertThat(p.get("reportDeadline").get("pattern").asText()).isEqualTo("^\\d{4}-\\d{2}-\\d{2}$");
            assertThat(p.get("electronicDocuments").get("type").asText()).isEqualTo("boolean");
            assertThat(p.get("isoTeam").get("enum")).hasToString("[\"CURRENT\",\"OUTDATED\",\"MISSING\"]");
            assertThat(p.get("auditReport").get("enum")).hasToString("[\"FULL\",\"PARTIAL\",\"NONE\"]");
            assertThat(p.get("publicDisclosure").get("description").asText())
                    .contains("DEPARTMENT, COMMUNE, PUBLIC_SERVICE_UNIT");
        }

        @Test
        @DisplayName("then the years, kinds and assessors are the declared ones, and the lists have the library's limits")
        void enums() {
            JsonNode schema = tree(RequestSchema.of(BAC_GIANG));
            assertThat(schema.at("/properties/year/enum")).hasToString("[2022]");
            assertThat(schema.at("/properties/guidance/enum")).hasToString("[\"bac-giang-2022\"]");
            assertThat(schema.at("/required")).hasToString("[\"year\",\"agencies\",\"assessments\"]");
            assertThat(schema.at("/properties/agencies/maxItems").asInt()).isEqualTo(ScoringJson.MAX_AGENCIES);
            assertThat(schema.at("/properties/assessments/maxItems").asInt()).isEqualTo(ScoringJson.MAX_ASSESSMENTS);
            assertThat(schema.at("/$defs/agency/properties/kind/enum"))
                    .hasToString("[\"DEPARTMENT\",\"DISTRICT\",\"COMMUNE\",\"PUBLIC_SERVICE_UNIT\"]");
            assertThat(schema.at("/$defs/assessment/properties/assessor/enum"))
                    .hasToString("[\"SELF\",\"DISTRICT\",\"PROVINCE\"]");
            assertThat(schema.at("/$defs/agency/properties/communeScoring/required"))
                    .hasToString("[\"onSiteCommunes\",\"resultsSentOn\",\"resultsDeadline\"]");
            assertThat(schema.at("/$defs/agency/properties/communeScoring/properties/onSiteCommunes/items/type")
                    .asText()).isEqualTo("string");
            List<String> closed = new ArrayList<>();
            schema.findParents("additionalProperties").forEach(n -> closed.add(n.get("type").asText()));
            assertThat(closed).hasSize(5).containsOnly("object"); // request, agency, its record, assessment, facts
            assertThat(schema.findValues("additionalProperties")).allMatch(v -> v.isBoolean() && !v.asBoolean());
        }

        @Test
        @DisplayName("given a guidance of other kinds, facts and choices, then its schema follows its declarations alone")
        void otherVocabulary() {
            GuidanceInfo schools = schoolsGuidance();
            JsonNode made = tree(RequestSchema.of(schools));
            assertThat(errors(REGISTRY.getSchema(SchemaLocation.of(DIALECT)), made)).isEmpty();
            assertThat(made.get("$id").asText()).isEqualTo("urn:iso-scoring:request:tr%C6%B0%E1%BB%9Dng%202024%2Fa");
            assertThat(made.toString()).doesNotContain("staffTotal").doesNotContain("DISTRICT")
                    .doesNotContain("communeScoring");
            Schema schema = REGISTRY.getSchema(made);
            ObjectNode request = (ObjectNode) tree("""
                    {"year": 2024,
                     "agencies": [
                       {"id": "W1", "kind": "WARD", "plan": {"schools": ["S1", "K1"], "due": null}},
                       {"id": "S1", "kind": "SCHOOL", "ward": "W1"},
                       {"id": "K1", "kind": "KINDERGARTEN", "ward": "W1", "name": null}],
                     "assessments": [
                       {"agency": "S1", "assessor": "INSPECTOR",
                        "facts": {"score": 0.5, "visited": null, "colour": "RED", "pupils": 3}},
                       {"agency": "W1", "assessor": "INSPECTOR", "facts": {"score": 9.75, "visited": true}}]}""");
            assertThat(errors(schema, request)).isEmpty();
            assertThat(invalid(schema, request, r -> r.put("year", 2022))).isTrue();
            assertThat(invalid(schema, request, r -> agency(r, 1).remove("ward"))).isTrue();
            assertThat(invalid(schema, request, r -> agency(r, 2).remove("ward"))).isTrue();
            assertThat(invalid(schema, request, r -> agency(r, 0).put("ward", "W1"))).isTrue();
            assertThat(invalid(schema, request, r -> agency(r, 0).remove("plan"))).isTrue();
            assertThat(invalid(schema, request, r -> agency(r, 1).set("plan", agency(r, 0).get("plan")))).isTrue();
            assertThat(invalid(schema, request, r -> ((ObjectNode) agency(r, 0).get("plan")).remove("due"))).isTrue();
            assertThat(invalid(schema, request, r -> facts(r, 0).put("score", 0.25))).isTrue(); // below "min": 0.5
            assertThat(invalid(schema, request, r -> facts(r, 0).put("score", "9"))).isTrue();
            assertThat(invalid(schema, request, r -> facts(r, 0).put("colour", "PINK"))).isTrue();
            assertThat(invalid(schema, request, r -> facts(r, 0).putNull("colour"))).isTrue();
            assertThat(invalid(schema, request, r -> facts(r, 0).remove("visited"))).isTrue(); // nullable, still due
            assertThat(invalid(schema, request, r -> facts(r, 0).remove("score"))).isTrue();
            assertThat(invalid(schema, request, r -> facts(r, 0).put("pupils", -1))).isTrue(); // "min": -5, counts ≥ 0
            assertThat(invalid(schema, request, r -> ((ObjectNode) r.get("assessments").get(0))
                    .put("assessor", "PROVINCE"))).isTrue();
        }

        /**
         * A guidance of schools in wards, declared in Java: its own kinds (two share the field naming their ward),
         * record, assessor, a decimal with a least value, a nullable boolean, a declared choice, a count of some kinds
         * only with a negative least value, and an id that needs percent-encoding in a URN.
         */
        private static GuidanceInfo schoolsGuidance() {
            Label l = new Label("nhãn", "label");
            Vocabulary.Choice colours = new Vocabulary.Choice("Colour", List.of(new Vocabulary.Value("RED", l),
                    new Vocabulary.Value("BLUE", l)));
            List<Vocabulary.Fact> facts = List.of(
                    new Vocabulary.Fact("score", Vocabulary.Type.DECIMAL, null, false, Set.of(), new BigDecimal("0.50"),
                            null, null, new Label("Điểm", "Score"), new Label("Ghi điểm", "Write the score")),
                    new Vocabulary.Fact("visited", Vocabulary.Type.BOOLEAN, null, true, Set.of(), null, null, null,
                            new Label("Đã thăm", "Visited"), null),
                    new Vocabulary.Fact("colour", Vocabulary.Type.CHOICE, colours, false, Set.of("SCHOOL"), null, null,
                            null, new Label("Màu", "Colour"), null),
                    new Vocabulary.Fact("pupils", Vocabulary.Type.COUNT, null, false,
                            new LinkedHashSet<>(List.of("SCHOOL", "KINDERGARTEN")), new BigDecimal("-5"), null, null,
                            new Label("Học sinh", "Pupils"), null));
            Vocabulary.Fact members = new Vocabulary.Fact("schools", Vocabulary.Type.AGENCIES, null, false, Set.of(),
                    null, null, "schoolCount", new Label("Trường", "Schools"), null);
            Vocabulary.Fact due = new Vocabulary.Fact("due", Vocabulary.Type.DATE, null, true, Set.of(), null, null,
                    null, new Label("Hạn", "Due"), null);
            List<Vocabulary.Kind> kinds = List.of(
                    new Vocabulary.Kind("WARD", new Label("Phường", "Ward"), null, "Ward", null,
                            new Vocabulary.Members("schools", 1), new Vocabulary.AgencyRecord("plan", List.of(members,
                            due)), false),
                    new Vocabulary.Kind("SCHOOL", new Label("Trường", "School"), null, null,
                            new Vocabulary.BelongsTo("WARD", "ward"), null, null, true),
                    new Vocabulary.Kind("KINDERGARTEN", new Label("Mầm non", "Kindergarten"), null, null,
                            new Vocabulary.BelongsTo("WARD", "ward"), null, null, false));
            Vocabulary vocabulary = new Vocabulary(List.of(Vocabulary.JUDGEMENT, colours), facts, List.of(), kinds,
                    List.of(new Vocabulary.Assessor("INSPECTOR", new Label("Thanh tra", "Inspector"), Set.of())),
                    List.of("INSPECTOR"), List.of(new Vocabulary.Rating("GOOD", l)), List.of(), List.of());
            return new GuidanceInfo("trường 2024/a", "Trường học", List.of(2024), List.of(), List.of(), vocabulary,
                    null);
        }

        private static boolean invalid(Schema schema, ObjectNode request, Consumer<ObjectNode> change) {
            ObjectNode copy = request.deepCopy();
            change.accept(copy);
            return !schema.validate(copy).isEmpty();
        }

        private static ObjectNode agency(ObjectNode request, int i) {
            return (ObjectNode) request.get("agencies").get(i);
        }

        private static ObjectNode facts(ObjectNode request, int i) {
            return (ObjectNode) request.get("assessments").get(i).get("facts");
        }
    }

    @Nested
    @DisplayName("valid requests validate")
    class Valid {

        @Test
        @DisplayName("given the example province docs/examples/bac-giang-2022.json, then it validates")
        void example() {
            JsonNode example = exampleProvince();
            assertThat(example.get("agencies").size()).isEqualTo(253);
            assertThat(errors(SCHEMA, example)).isEmpty();
        }

        @Test
        @DisplayName("given the request of generate-example --districts 3, then it validates")
        void national() {
            Cli.Run run = Cli.run("generate-example", "--districts", "3");
            assertThat(run.status()).isZero();
            JsonNode request = tree(run.out());
            assertThat(request.get("agencies").size()).isGreaterThan(3);
            assertThat(errors(SCHEMA, request)).isEmpty();
        }

        @Test
        @DisplayName("given the small province of the rejection tests, with and without its guidance, then it validates")
        void small() {
            ObjectNode request = (ObjectNode) tree(Requests.write(RejectionTests.valid()));
            assertThat(errors(SCHEMA, request)).isEmpty();
            request.remove("guidance");
            assertThat(errors(SCHEMA, request)).isEmpty();
        }

        @Test
        @DisplayName("given " + GENERATED + " requests of the property tests' generator, written as JSON, then every one validates")
        void generated() {
            String fromProperty = System.getProperty("QT_SEED");
            long seed = fromProperty != null ? Long.parseLong(fromProperty.trim()) : System.nanoTime();
            System.out.println("[" + RequestSchemaTests.class.getSimpleName() + ".generated] seed " + seed
                    + " (replay: -Dtest='RequestSchemaTests$Valid#generated' -DQT_SEED=" + seed + "), " + GENERATED
                    + " examples");
            int[] checked = {0};
            QuickTheory.qt().withFixedSeed(seed).withExamples(GENERATED).withShrinkCycles(20)
                    .withReporter(new Reporter()).forAll(Generators.requests()).checkAssert(request -> {
                        List<String> errors = errors(SCHEMA, tree(Requests.write(request)));
                        assertThat(errors).as(Generators.describe(request)).isEmpty();
                        checked[0]++;
                    });
            assertThat(checked[0]).isEqualTo(GENERATED);
        }
    }

    /** Names the property and its seed in a failure. */
    private static final class Reporter extends SeedReporter {
        @Override
        protected String message(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                                 AsString<Object> asString) {
            return "A generated request does not validate against the schema, after " + examplesUsed
                    + " example(s)\nSeed was " + seed + "; replay with: mvn -B -pl rules-tests test "
                    + "-Dtest='RequestSchemaTests$Valid#generated' -DQT_SEED=" + seed + "\nSmallest: "
                    + asString.asString(smallest) + (cause == null ? "" : "\n" + cause.getMessage());
        }
    }

    /**
     * A structurally wrong request: what is changed in the small valid province of {@link RejectionTests#valid()}
     * (district H with communes X1 and X2, department S, unit U; assessments[0] is X1's by its district), the place
     * the library names, and whether its reader finds it ({@code false}: only the engine does). Reading a request picks
     * its guidance (its vocabulary says how to read the rest), so a year or guidance no guidance covers is found while
     * reading too.
     */
    record Wrong(String name, Consumer<ObjectNode> change, String place, boolean reader) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> wrongRequests() {
        return Stream.of(
                new Wrong("an unknown top-level field", r -> r.put("province", "Bắc Giang"), "province", true),
                new Wrong("an unknown field of an agency", r -> agency(r, "S").put("kindd", "DEPARTMENT"),
                        "agencies[3].kindd", true),
                new Wrong("an unknown fact", r -> facts(r, 0).put("staffTrainedd", 3),
                        "assessments[0].facts.staffTrainedd", true),
                new Wrong("a count given as 3.5", r -> facts(r, 0).put("staffTrained", 3.5),
                        "assessments[0].facts.staffTrained", true),
                new Wrong("a count given as the string \"3\"", r -> facts(r, 0).put("internalAuditors", "3"),
                        "assessments[0].facts.internalAuditors", true),
                new Wrong("a boolean given as \"x\"", r -> facts(r, 0).put("qualityPolicyPublished", "x"),
                        "assessments[0].facts.qualityPolicyPublished", true),
                new Wrong("a negative count", r -> facts(r, 0).put("internalAuditors", -1),
                        "assessments[0].facts.internalAuditors", true),
                new Wrong("a count below its declared least value (staffTotal 0)", r -> facts(r, 0).put("staffTotal", 0)
                        .put("staffTrained", 0), "assessments[0].facts.staffTotal", true),
                new Wrong("a count above the largest int", r -> facts(r, 0).put("procedureChanges", 2_147_483_648L),
                        "assessments[0].facts.procedureChanges", true),
                new Wrong("a missing required fact", r -> facts(r, 0).remove("reportDeadline"),
                        "assessments[0].facts.reportDeadline", true),
                new Wrong("a missing nullable date (null, but present)", r -> facts(r, 0).remove("annualPlanIssuedOn"),
                        "assessments[0].facts.annualPlanIssuedOn", true),
                new Wrong("null for a fact that is not nullable", r -> facts(r, 0).putNull("leaderInvolvement"),
                        "assessments[0].facts.leaderInvolvement", true),
                new Wrong("an unknown judgement", r -> facts(r, 0).put("leaderInvolvement", "MOSTLY"),
                        "assessments[0].facts.leaderInvolvement", true),
                new Wrong("an unknown value of a declared choice", r -> facts(r, 0).put("isoTeam", "NONE"),
                        "assessments[0].facts.isoTeam", true),
                new Wrong("an unknown assessor", r -> ((ObjectNode) r.get("assessments").get(4))
                        .put("assessor", "MINISTRY"), "assessments[4].assessor", true),
                new Wrong("an unknown kind", r -> agency(r, "S").put("kind", "MINISTRY"), "agencies[3].kind", true),
                new Wrong("a COMMUNE without district", r -> agency(r, "X2").remove("district"),
                        "agencies[2].district", true),
                new Wrong("a DEPARTMENT with district", r -> agency(r, "S").put("district", "H"),
                        "agencies[3].district", true),
                new Wrong("a DISTRICT without communeScoring", r -> agency(r, "H").remove("communeScoring"),
                        "agencies[0].communeScoring", true),
                new Wrong("a PUBLIC_SERVICE_UNIT with communeScoring", r -> agency(r, "U").set("communeScoring",
                        agency(r, "H").get("communeScoring").deepCopy()), "agencies[4].communeScoring", true),
                new Wrong("a communeScoring without its deadline", r -> ((ObjectNode) agency(r, "H")
                        .get("communeScoring")).remove("resultsDeadline"),
                        "agencies[0].communeScoring.resultsDeadline", true),
                new Wrong("an empty agency id", r -> agency(r, "U").put("id", ""), "agencies[4].id", true),
                new Wrong("an invalid date format", r -> facts(r, 0).put("reportDeadline", "01/12/2022"),
                        "assessments[0].facts.reportDeadline", true),
                new Wrong("agencies that are not an array", r -> r.set("agencies", agency(r, "S").deepCopy()),
                        "agencies", true),
                new Wrong("an impossible year", r -> r.put("year", 2023), "year", true),
                new Wrong("another guidance's id", r -> r.put("guidance", "bac-giang-2021"), "guidance", true))
                .map(Arguments::of);
    }

    @Nested
    @DisplayName("structurally wrong requests do not validate, and the library rejects them too")
    class Wrongs {

        @ParameterizedTest(name = "given {0}, then the schema and the library reject it")
        @MethodSource("org.isoscoring.tests.json.RequestSchemaTests#wrongRequests")
        void rejected(Wrong wrong) {
            ObjectNode request = (ObjectNode) tree(Requests.write(RejectionTests.valid()));
            assertThat(errors(SCHEMA, request)).isEmpty();
            assertThat(library(request)).isEmpty();

            wrong.change().accept(request);

            List<String> schemaPlaces = SCHEMA.validate(request).stream().map(RequestSchemaTests::place).toList();
            assertThat(schemaPlaces).as("the places of the schema's errors " + errors(SCHEMA, request))
                    .isNotEmpty().anyMatch(p -> wrong.place().equals(p) || wrong.place().startsWith(p + "."));
            String json = text(request);
            RequestRejectedException read = rejection(() -> Requests.read(json));
            assertThat(read != null).as("rejected by ScoringJson.readRequest").isEqualTo(wrong.reader());
            List<Problem> problems = library(request);
            assertThat(problems).extracting(Problem::place).as("the library's problems").contains(wrong.place());
        }

        @Test
        @DisplayName("given 3.0 for a count, then the library rejects it and the schema cannot (JSON Schema counts 3.0 as the integer 3), as its description says")
        void integerThreePointZero() {
            ObjectNode request = (ObjectNode) tree(Requests.write(RejectionTests.valid()));
            facts(request, 0).put("staffTrained", 3.0);
            assertThat(text(request)).contains("\"staffTrained\":3.0");

            assertThat(errors(SCHEMA, request)).isEmpty();
            assertThat(library(request)).extracting(Problem::place).containsExactly("assessments[0].facts.staffTrained");
            assertThat(tree(RequestSchema.of(BAC_GIANG)).at("/$defs/facts/description").asText())
                    .contains("rejects 3.0");
        }

        @Test
        @DisplayName("given the impossible date 2022-02-30, then the library rejects it, and so does a validator that asserts \"format\": \"date\"")
        void impossibleDate() {
            ObjectNode request = (ObjectNode) tree(Requests.write(RejectionTests.valid()));
            facts(request, 0).put("reportDeadline", "2022-02-30");
            Schema asserting = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(tree(RequestSchema.of(BAC_GIANG)));

            assertThat(asserting.validate(request)).extracting(RequestSchemaTests::place)
                    .containsExactly("assessments[0].facts.reportDeadline");
            assertThat(errors(SCHEMA, request)).isEmpty(); // in draft 2020-12, "format" only annotates by default
            assertThat(library(request)).extracting(Problem::place).containsExactly("assessments[0].facts.reportDeadline");
        }

        @Test
        @DisplayName("given a district's assessment with the facts of other kinds, then the schema lets it pass (it cannot see the kind) and the library rejects it")
        void kindDependentFacts() {
            ObjectNode request = (ObjectNode) tree(Requests.write(RejectionTests.valid()));
            ObjectNode district = facts(request, 3); // H's, by the province
            assertThat(district.has("publicDisclosure")).isFalse();
            district.put("publicDisclosure", "FULL").put("feedbackReceived", 1).put("feedbackResolved", 1);
            assertThat(errors(SCHEMA, request)).isEmpty();
            assertThat(library(request)).extracting(Problem::place).contains("assessments[3].facts.publicDisclosure");
            facts(request, 4).remove("publicDisclosure"); // S's, a department: the library wants it, the schema not
            assertThat(errors(SCHEMA, request)).isEmpty();
            assertThat(library(request)).extracting(Problem::place).contains("assessments[4].facts.publicDisclosure");
        }
    }

    /**
     * The place of a validator's error as the library writes places ({@code assessments[0].facts.staffTotal}): its
     * instance location, with the property a {@code required} or {@code additionalProperties} error names.
     */
    static String place(Error error) {
        StringBuilder place = new StringBuilder();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                place.append('[').append(index).append(']');
            } else {
                place.append(place.length() == 0 ? "" : ".").append(element);
            }
        }
        if (error.getProperty() != null && Set.of("required", "additionalProperties").contains(error.getKeyword())) {
            place.append(place.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return place.toString();
    }

    /** The problems the library rejects a request with when it reads and scores it; empty when it scores it. */
    static List<Problem> library(JsonNode request) {
        String json = text(request);
        RequestRejectedException rejected = rejection(() -> ENGINE.evaluate(Requests.read(json)));
        return rejected == null ? List.of() : rejected.problems();
    }

    private static RequestRejectedException rejection(Runnable run) {
        try {
            run.run();
            return null;
        } catch (RequestRejectedException e) {
            return e;
        }
    }

    static ObjectNode agency(ObjectNode request, String id) {
        for (JsonNode a : request.get("agencies")) {
            if (a.get("id").asText().equals(id)) {
                return (ObjectNode) a;
            }
        }
        throw new IllegalArgumentException(id);
    }

    static ObjectNode facts(ObjectNode request, int i) {
        return (ObjectNode) request.get("assessments").get(i).get("facts");
    }

    @Nested
    @DisplayName("iso-scoring schema")
    class Command {

        @Test
        @DisplayName("given a bundled guidance id, then exit 0 and the schema on standard output")
        void bundled() {
            Cli.Run run = Cli.run("schema", "bac-giang-2022");
            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(tree(run.out()).get("$schema").asText()).isEqualTo(DIALECT);
            assertThat(run.out()).isEqualTo(RequestSchema.of(BAC_GIANG));
        }

        @Test
        @DisplayName("given a copy of the bundled guidance's files in a folder, then the same facts")
        void folder(@TempDir Path dir) throws IOException {
            for (Map.Entry<String, String> file : GuidanceTools.create().files("bac-giang-2022").entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(dir.resolve("facts.json")).exists();
            Cli.Run run = Cli.run("schema", dir.toString());
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode copied = tree(run.out());
            JsonNode bundled = tree(RequestSchema.of(BAC_GIANG));
            assertThat(copied.at("/$defs/facts/properties")).isEqualTo(bundled.at("/$defs/facts/properties"));
            assertThat(copied.at("/$defs/facts/properties").size()).isEqualTo(BAC_GIANG.vocabulary().facts().size());
            assertThat(copied).isEqualTo(bundled);
        }

        @Test
        @DisplayName("given the 2023 example folder, then the schema has its two years")
        void exampleFolder() {
            Cli.Run run = Cli.run("schema", ROOT.resolve("docs/examples/guidance-2023-example").toString());
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode schema = tree(run.out());
            assertThat(schema.at("/properties/year/enum")).hasToString("[2022,2023]");
            assertThat(schema.get("$id").asText()).isEqualTo("urn:iso-scoring:request:guidance-2023-example");
            assertThat(errors(REGISTRY.getSchema(schema), ((ObjectNode) exampleProvince()).put("year", 2023)
                    .put("guidance", "guidance-2023-example"))).isEmpty();
        }

        @Test
        @DisplayName("given a defective folder, then exit 1 with its problems and nothing on standard output")
        void defective(@TempDir Path dir) throws IOException {
            for (Map.Entry<String, String> file : GuidanceTools.create().files("bac-giang-2022").entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Path facts = dir.resolve("facts.json");
            String text = Files.readString(facts, StandardCharsets.UTF_8);
            assertThat(text).contains("\"name\": \"internalAuditors\", \"type\": \"count\"");
            Files.writeString(facts, text.replace("\"name\": \"internalAuditors\", \"type\": \"count\"",
                    "\"name\": \"internalAuditors\", \"type\": \"tally\""), StandardCharsets.UTF_8);
            Cli.Run run = Cli.run("schema", dir.toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("the rules are defective").contains("facts.json:").contains("tally");
        }

        @Test
        @DisplayName("given an unknown id, then exit 64, a bilingual message on standard error and nothing on standard output")
        void unknown() {
            Cli.Run run = Cli.run("schema", "bac-giang-1999");
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("bac-giang-1999").contains("không phải thư mục")
                    .contains("neither a guidance folder nor a bundled guidance").contains("bac-giang-2022");
        }

        @Test
        @DisplayName("without a guidance, then exit 64; with --help, a bilingual description")
        void usage() {
            Cli.Run missing = Cli.run("schema");
            assertThat(missing.status()).isEqualTo(64);
            assertThat(missing.out()).isEmpty();
            assertThat(missing.err()).contains("GUIDANCE");
            Cli.Run help = Cli.run("schema", "--help");
            assertThat(help.status()).isZero();
            assertThat(help.out()).contains("In JSON Schema của yêu cầu chấm điểm").contains("(draft 2020-12)")
                    .contains("GUIDANCE");
            assertThat(Cli.run("--help").out()).containsPattern("\\n\\s+schema\\s+In JSON Schema");
        }
    }
}
