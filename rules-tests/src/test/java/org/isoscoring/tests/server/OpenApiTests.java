package org.isoscoring.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.isoscoring.server.Settings;
import org.isoscoring.tests.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI 3.1 document the service serves at {@code /openapi.json}: it parses without a message
 * (swagger-parser), documents exactly the addresses and methods the service answers, carries the served guidances'
 * own request schemas, and its examples and schemas agree with the service's real answers (networknt
 * json-schema-validator, draft 2020-12).
 */
@DisplayName("The service's OpenAPI document")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Where the validator finds the document: a name only, never fetched. */
    static final String DOCUMENT = "https://iso-scoring.invalid/openapi.json";
    static final String SEED = "2026-12-01 QĐ 15";

    static final Set<String> ANSWERED = Set.of("GET /", "GET /health", "GET /openapi.json", "GET /v1/guidances",
            "GET /v1/guidances/{id}", "GET /v1/guidances/{id}/schema", "POST /v1/evaluate", "POST /v1/sample");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Http http;
    private String text;
    private JsonNode document;
    private SchemaRegistry registry;

    @BeforeAll
    void start() {
        http = Http.start();
        Http.Answer answer = http.get("/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith(JSON);
        text = answer.text();
        document = answer.json();
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT, text)));
    }

    @AfterAll
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    // ---- helpers

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The schema at this JSON pointer of the document. */
    Schema schemaAt(String pointer) {
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
        schema.initializeValidators();
        return schema;
    }

    List<String> errors(String schemaPointer, JsonNode value) {
        return schemaAt(schemaPointer).validate(value).stream().map(Error::toString).toList();
    }

    /** The node a {@code $ref} leads to, followed as many times as needed; its pointer in {@code at[0]}. */
    JsonNode follow(JsonNode node, String[] at) {
        while (node.has("$ref")) {
            at[0] = node.get("$ref").asText().substring(1);
            node = document.at(at[0]);
        }
        return node;
    }

    /** The pointer of the schema the document gives for this answer: its status (or default) and media type. */
    String responseSchema(String path, String method, int status, String mediaType) {
        String operation = "/paths/" + escape(path) + "/" + method.toLowerCase();
        JsonNode responses = document.at(operation + "/responses");
        assertThat(responses.isMissingNode()).as(method + " " + path + " is documented").isFalse();
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status) : "default";
        assertThat(responses.has(key)).as(method + " " + path + " documents " + status).isTrue();
        String[] at = {operation + "/responses/" + key};
        JsonNode response = follow(responses.get(key), at);
        JsonNode media = response.path("content").path(mediaType);
        assertThat(media.isMissingNode()).as(method + " " + path + " " + status + " documents " + mediaType
                + " (it has " + response.path("content").properties() + ")").isFalse();
        return at[0] + "/content/" + escape(mediaType) + "/schema";
    }

    /** Checks an answer against the document: its status, media type and headers are documented, its body valid. */
    void conforms(String path, String method, Http.Answer answer) {
        String contentType = answer.header("Content-Type");
        String media = contentType.split(";")[0].trim();
        String pointer = responseSchema(path, method, answer.status(), media);
        if (!media.equals(XLSX)) {
            assertThat(errors(pointer, answer.json())).as(method + " " + path + " " + answer.status() + " "
                    + answer.text().substring(0, Math.min(300, answer.text().length()))).isEmpty();
        }
        JsonNode headers = document.at(pointer.substring(0, pointer.indexOf("/content/")) + "/headers");
        for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean sometimes = name.equals("Allow") || name.equals("Retry-After")
                    || (name.equals("Content-Disposition") && !media.equals(XLSX));
            if (!sometimes) {
                assertThat(answer.header(name)).as(method + " " + path + " " + answer.status() + " header " + name)
                        .isNotNull();
            }
        }
    }

    Http.Answer postJson(String path, JsonNode body, String... headers) {
        try {
            return http.post(path, JSON, MAPPER.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode exampleProvince() {
        try {
            return MAPPER.readTree(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sampleQuery() {
        return "/v1/sample?seed=" + URLEncoder.encode(SEED, StandardCharsets.UTF_8).replace("+", "%20")
                + "&purpose=province";
    }

    /** The request of the evaluate example, as the document gives it. */
    JsonNode requestExample() {
        return document.at("/paths/~1v1~1evaluate/post/requestBody/content/application~1json/examples/one-commune/value");
    }

    // ---- the tests

    @Nested
    @DisplayName("read as a document")
    class Read {

        @Test
        @DisplayName("when swagger-parser reads it, then it is OpenAPI 3.1 with no error or warning message")
        void parses() {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
            assertThat(result.getMessages()).isEmpty();
            assertThat(result.getOpenAPI()).isNotNull();
            assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
            assertThat(result.getOpenAPI().getInfo().getLicense().getIdentifier()).isEqualTo("Apache-2.0");
            assertThat(result.getOpenAPI().getPaths()).hasSize(8);

            String broken = text.replace("\"#/components/schemas/ProblemDetails\"", "\"#/components/schemas/Nowhere\"");
            assertThat(new OpenAPIV3Parser().readContents(broken, null, options).getMessages())
                    .as("the parser does report a reference that leads nowhere").isNotEmpty();
        }

        @Test
        @DisplayName("when it is asked for twice, then it is the same bytes, and every $ref in it leads somewhere")
        void stableAndResolved() {
            assertThat(http.get("/openapi.json").body()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            List<String> refs = new ArrayList<>();
            collectRefs(document, refs);
            assertThat(refs).hasSizeGreaterThan(50);
            for (String ref : refs) {
                assertThat(ref).as("a local reference").startsWith("#/");
                assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }

        private void collectRefs(JsonNode node, List<String> refs) {
            if (node.isObject()) {
                node.properties().forEach(e -> {
                    if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                        refs.add(e.getValue().asText());
                    } else {
                        collectRefs(e.getValue(), refs);
                    }
                });
            } else if (node.isArray()) {
                node.forEach(n -> collectRefs(n, refs));
            }
        }
    }

    @Nested
    @DisplayName("its request schemas")
    class RequestSchemas {

        @Test
        @DisplayName("given the bundled guidances, then the request body is oneOf their own schemas, the ones "
                + "/v1/guidances/{id}/schema gives, their $defs beside them")
        void theGuidancesOwn() {
            JsonNode oneOf = document.at("/components/schemas/Request/oneOf");
            assertThat(oneOf).hasSize(2);
            assertThat(oneOf.findValuesAsText("$ref")).containsExactly("#/components/schemas/Request-bac-giang-2022",
                    "#/components/schemas/Request-two-tier-2026-example");
            for (String id : List.of("bac-giang-2022", "two-tier-2026-example")) {
                ObjectNode served = (ObjectNode) http.get("/v1/guidances/" + id + "/schema").json();
                String name = "Request-" + id;
                String rewritten = served.toString().replace("\"#/$defs/", "\"#/components/schemas/" + name + "-");
                ObjectNode expected = (ObjectNode) tree(rewritten);
                JsonNode defs = expected.remove("$defs");
                expected.remove("$schema");
                expected.remove("$id");
                assertThat(document.at("/components/schemas/" + name)).isEqualTo(expected);
                defs.properties().forEach(def -> assertThat(document.at("/components/schemas/" + name + "-"
                        + def.getKey())).as(def.getKey()).isEqualTo(def.getValue()));
            }
            for (String path : List.of("~1v1~1evaluate", "~1v1~1sample")) {
                assertThat(document.at("/paths/" + path + "/post/requestBody/content/application~1json/schema/$ref")
                        .asText()).isEqualTo("#/components/schemas/Request");
            }
        }

        @Test
        @DisplayName("given the example province's request, then it is valid to its guidance's embedded schema and "
                + "to the request body's oneOf; an empty object and a request of a year no guidance covers are not")
        void exampleProvinceRequest() {
            JsonNode province = exampleProvince();
            assertThat(errors("/components/schemas/Request-bac-giang-2022", province)).isEmpty();
            assertThat(errors("/components/schemas/Request", province)).isEmpty();
            assertThat(errors("/components/schemas/Request-two-tier-2026-example", province)).isNotEmpty();
            assertThat(errors("/components/schemas/Request", MAPPER.createObjectNode())).isNotEmpty();
            ObjectNode other = province.deepCopy();
            other.remove("guidance");
            other.put("year", 2019);
            assertThat(errors("/components/schemas/Request", other)).isNotEmpty();
        }
    }

    @Nested
    @DisplayName("its paths")
    class Paths {

        @Test
        @DisplayName("then the documented paths and methods are exactly those the service answers; any other "
                + "method gets 405 with Allow, as problem details the document gives (default)")
        void exactlyTheAnswered() {
            Set<String> documented = new TreeSet<>();
            document.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(m)) {
                    documented.add(m.toUpperCase() + " " + p.getKey());
                }
            }));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(ANSWERED);
            byte[] body = requestExample().toString().getBytes(StandardCharsets.UTF_8);
            for (String path : document.get("paths").propertyStream().map(Map.Entry::getKey).toList()) {
                String concrete = path.replace("{id}", "two-tier-2026-example");
                for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                    String call = (method.equals("POST") && path.equals("/v1/sample")) ? sampleQuery() : concrete;
                    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(call)).method(method,
                            method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", JSON);
                    Http.Answer answer = http.send(request);
                    if (documented.contains(method + " " + path)) {
                        assertThat(answer.status()).as(method + " " + call + ": " + answer.text()).isEqualTo(200);
                    } else {
                        assertThat(answer.status()).as(method + " " + call).isEqualTo(405);
                        assertThat(documented).contains(answer.header("Allow") + " " + path);
                        String documentedMethod = answer.header("Allow");
                        conforms(path, documentedMethod, answer);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("its examples")
    class Examples {

        /** How an example is compared with the real answer. */
        enum Check { EQUAL, EQUAL_BUT_VERSION, CONTAINED, SCHEMA_ONLY, REQUEST }

        record Expected(Check check, Supplier<Http.Answer> call) {
        }

        Map<String, Expected> calls() {
            String evaluate = "/paths/~1v1~1evaluate/post";
            String sample = "/paths/~1v1~1sample/post";
            ObjectNode withoutAssessment = requestExample().deepCopy();
            withoutAssessment.putArray("assessments");
            Map<String, Expected> calls = new LinkedHashMap<>();
            calls.put("/paths/~1/get/responses/200/content/application~1json/examples/index",
                    new Expected(Check.EQUAL_BUT_VERSION, () -> http.get("/")));
            calls.put("/paths/~1health/get/responses/200/content/application~1json/examples/up",
                    new Expected(Check.SCHEMA_ONLY, () -> http.get("/health")));
            calls.put("/paths/~1v1~1guidances/get/responses/200/content/application~1json/examples/bundled",
                    new Expected(Check.EQUAL, () -> http.get("/v1/guidances")));
            calls.put("/paths/~1v1~1guidances~1{id}/get/responses/200/content/application~1json/examples/"
                    + "two-tier-2026-example", new Expected(Check.CONTAINED,
                    () -> http.get("/v1/guidances/two-tier-2026-example")));
            calls.put("/paths/~1v1~1guidances~1{id}/get/responses/404/content/application~1problem+json/examples/"
                    + "unknown", new Expected(Check.EQUAL,
                    () -> http.get("/v1/guidances/hanoi-2030", "Accept-Language", "en")));
            calls.put(evaluate + "/requestBody/content/application~1json/examples/one-commune",
                    new Expected(Check.REQUEST, null));
            calls.put(evaluate + "/responses/200/content/application~1json/examples/one-commune",
                    new Expected(Check.EQUAL, () -> postJson("/v1/evaluate", requestExample())));
            calls.put(evaluate + "/responses/422/content/application~1problem+json/examples/commune-without-assessment",
                    new Expected(Check.EQUAL, () -> postJson("/v1/evaluate", withoutAssessment,
                            "Accept-Language", "en")));
            calls.put(evaluate + "/responses/422/content/application~1problem+json/examples/"
                    + "commune-without-assessment-vi", new Expected(Check.EQUAL,
                    () -> postJson("/v1/evaluate", withoutAssessment, "Accept-Language", "vi")));
            calls.put("/components/responses/NotAcceptable/content/application~1problem+json/examples/html",
                    new Expected(Check.EQUAL, () -> postJson("/v1/evaluate", requestExample(), "Accept", "text/html",
                            "Accept-Language", "en")));
            calls.put("/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/"
                    + "no-content-type", new Expected(Check.EQUAL, () -> http.post("/v1/evaluate", null,
                    requestExample().toString().getBytes(StandardCharsets.UTF_8), "Accept-Language", "en")));
            calls.put(sample + "/requestBody/content/application~1json/examples/one-commune",
                    new Expected(Check.REQUEST, null));
            calls.put(sample + "/responses/200/content/application~1json/examples/province-draw",
                    new Expected(Check.EQUAL, () -> postJson(sampleQuery(), requestExample())));
            calls.put(sample + "/responses/422/content/application~1problem+json/examples/seed-missing",
                    new Expected(Check.EQUAL, () -> postJson("/v1/sample", requestExample(),
                            "Accept-Language", "en")));
            return calls;
        }

        /** Every example of the document: its pointer, and the pointer of the schema beside it. */
        Map<String, String> examples() {
            Map<String, String> found = new LinkedHashMap<>();
            collect(document, "", found);
            return found;
        }

        private void collect(JsonNode node, String at, Map<String, String> found) {
            if (!node.isObject()) {
                return;
            }
            if (node.has("examples") && node.has("schema") && node.get("examples").isObject()) {
                node.get("examples").fieldNames().forEachRemaining(name ->
                        found.put(at + "/examples/" + escape(name), at + "/schema"));
            }
            node.properties().forEach(e -> {
                if (!e.getKey().equals("examples")) {
                    collect(e.getValue(), at + "/" + escape(e.getKey()), found);
                }
            });
        }

        @Test
        @DisplayName("then each example is valid to the schema beside it")
        void valid() {
            Map<String, String> examples = examples();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(12);
            examples.forEach((example, schema) -> assertThat(errors(schema, document.at(example + "/value")))
                    .as(example).isEmpty());
        }

        @Test
        @DisplayName("when the call each example stands for is made, then the service answers the example "
                + "(a trimmed one is part of the answer; the health figures vary)")
        void realAnswers() {
            Map<String, Expected> calls = calls();
            assertThat(examples().keySet()).containsExactlyInAnyOrderElementsOf(calls.keySet());
            calls.forEach((example, expected) -> {
                JsonNode value = document.at(example + "/value");
                if (expected.check() == Check.REQUEST) {
                    assertThat(value).isEqualTo(requestExample());
                    return;
                }
                Http.Answer answer = expected.call().get();
                String status = example.replaceAll(".*/responses/(\\d+)/.*", "$1");
                if (status.matches("\\d+")) {
                    assertThat(answer.status()).as(example).isEqualTo(Integer.parseInt(status));
                }
                JsonNode real = answer.json();
                switch (expected.check()) {
                    case EQUAL -> assertThat(real).as(example).isEqualTo(value);
                    case EQUAL_BUT_VERSION -> {
                        ObjectNode a = real.deepCopy();
                        ObjectNode b = value.deepCopy();
                        a.remove("version");
                        b.remove("version");
                        assertThat(a).as(example).isEqualTo(b);
                    }
                    case CONTAINED -> assertThat(contained(value, real)).as(example + " is part of " + real)
                            .isTrue();
                    case SCHEMA_ONLY -> assertThat(real.properties().stream().map(Map.Entry::getKey).toList())
                            .containsExactlyElementsOf(value.properties().stream().map(Map.Entry::getKey).toList());
                    default -> throw new AssertionError(expected);
                }
            });
        }

        /** Whether every field of the part is in the whole with a contained value, every list a prefix. */
        private boolean contained(JsonNode part, JsonNode whole) {
            if (part.isObject()) {
                if (!whole.isObject()) {
                    return false;
                }
                for (Map.Entry<String, JsonNode> e : part.properties()) {
                    if (!whole.has(e.getKey()) || !contained(e.getValue(), whole.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            if (part.isArray()) {
                if (!whole.isArray() || part.size() > whole.size()) {
                    return false;
                }
                for (int i = 0; i < part.size(); i++) {
                    if (!contained(part.get(i), whole.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return part.equals(whole);
        }
    }

    @Nested
    @DisplayName("its responses")
    class Responses {

        @Test
        @DisplayName("when every endpoint is called, then each answer is valid to the schema the document gives "
                + "for its status and media type, with the documented headers")
        void successes() {
            conforms("/", "GET", http.get("/"));
            conforms("/health", "GET", http.get("/health"));
            conforms("/openapi.json", "GET", http.get("/openapi.json"));
            conforms("/v1/guidances", "GET", http.get("/v1/guidances"));
            for (String id : List.of("bac-giang-2022", "two-tier-2026-example")) {
                conforms("/v1/guidances/{id}", "GET", http.get("/v1/guidances/" + id));
                conforms("/v1/guidances/{id}/schema", "GET", http.get("/v1/guidances/" + id + "/schema"));
            }
            Http.Answer province = http.post("/v1/evaluate", JSON, EXAMPLE);
            assertThat(province.status()).isEqualTo(200);
            conforms("/v1/evaluate", "POST", province);
            assertThat(province.header("X-Guidance")).isEqualTo("bac-giang-2022");
            Http.Answer workbook = postJson("/v1/evaluate", requestExample(), "Accept", XLSX);
            assertThat(workbook.status()).isEqualTo(200);
            conforms("/v1/evaluate", "POST", workbook);
            Http.Answer sample = http.post("/v1/sample?seed=" + URLEncoder.encode(SEED, StandardCharsets.UTF_8)
                    + "&district=HUYEN-YD", JSON, EXAMPLE);
            assertThat(sample.status()).as(sample.text()).isEqualTo(200);
            conforms("/v1/sample", "POST", sample);
        }

        @Test
        @DisplayName("when errors are provoked (404, 405, 406, 415, 422), then each is problem details valid to "
                + "the schema the document gives, in the language asked for")
        void errors() {
            ObjectNode wrong = requestExample().deepCopy();
            ((ObjectNode) wrong.get("assessments").get(0).get("facts")).put("staffTrained", -1);
            Map<String, Http.Answer> answers = new LinkedHashMap<>();
            answers.put("GET /v1/guidances/{id} 404", http.get("/v1/guidances/nowhere"));
            answers.put("GET /v1/guidances/{id}/schema 404", http.get("/v1/guidances/nowhere/schema",
                    "Accept-Language", "en"));
            answers.put("GET /v1/evaluate 405", http.get("/v1/evaluate"));
            answers.put("POST /v1/evaluate 406", postJson("/v1/evaluate", requestExample(), "Accept", "image/png"));
            answers.put("POST /v1/sample 406", postJson(sampleQuery(), requestExample(), "Accept", XLSX));
            answers.put("POST /v1/evaluate 415", http.post("/v1/evaluate", "text/plain", new byte[] {'{', '}'}));
            answers.put("POST /v1/sample 415", http.post(sampleQuery(), "text/csv", new byte[] {'a'}));
            answers.put("POST /v1/evaluate 422", postJson("/v1/evaluate", wrong, "Accept-Language", "vi"));
            answers.put("POST /v1/sample 422", postJson("/v1/sample?seed=x&district=NOWHERE", requestExample()));
            answers.put("POST /v1/evaluate 422 (not JSON)", http.post("/v1/evaluate", JSON, new byte[] {'{'}));
            answers.forEach((call, answer) -> {
                String[] parts = call.split(" ");
                String method = parts[1].equals("/v1/evaluate") && parts[2].equals("405") ? "POST" : parts[0];
                assertThat(answer.status()).as(call + ": " + answer.text()).isEqualTo(Integer.parseInt(parts[2]));
                assertThat(answer.header("Content-Type")).as(call).startsWith(PROBLEM);
                conforms(parts[1], method, answer);
                assertThat(answer.json().get("type").asText()).startsWith("urn:iso-scoring:problem:");
            });
            assertThat(answers.get("POST /v1/evaluate 422").header("Content-Language")).isEqualTo("vi");
            assertThat(answers.get("POST /v1/evaluate 422").json().at("/problems/0/place").asText())
                    .isEqualTo("assessments[0].facts.staffTrained");
            assertThat(answers.get("GET /v1/guidances/{id}/schema 404").header("Content-Language")).isEqualTo("en");
        }

        @Test
        @DisplayName("given a service with a 1 KiB body limit and a 1 ms request time, then its document is the same "
                + "bytes, and when a request is scored, 413 and 408 or 503 are problem details valid to the "
                + "document's schemas")
        void limits() throws Exception {
            Settings defaults = Settings.defaults();
            Settings tight = new Settings("127.0.0.1", 0, List.of(), 1024, Duration.ofMillis(1),
                    defaults.maxConcurrent(), defaults.maxWaiting(), defaults.maxWait(), defaults.idleTimeout(),
                    defaults.stopTimeout());
            try (Http limited = Http.start(tight)) {
                assertThat(limited.get("/openapi.json").body()).as("the same document from another start")
                        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
                byte[] body = requestExample().toString().getBytes(StandardCharsets.UTF_8);
                assertThat(body.length).isGreaterThan(1024);
                Http.Answer large = limited.post("/v1/evaluate", JSON, body);
                assertThat(large.status()).as(large.text()).isEqualTo(413);
                conforms("/v1/evaluate", "POST", large);
                byte[] small = "{\"year\": 2026, \"agencies\": [], \"assessments\": []}".getBytes(
                        StandardCharsets.UTF_8);
                // the body's second half comes after the request's time is over
                Http.Answer slow;
                try (Http.InFlight late = Http.InFlight.post(limited.uri("/"), "/v1/evaluate", small, 10)) {
                    Thread.sleep(50);
                    slow = late.rest().parsedAnswer();
                }
                assertThat(slow.status()).as(slow.text()).isEqualTo(408);
                conforms("/v1/evaluate", "POST", slow);
            }
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
