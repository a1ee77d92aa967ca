package org.isoscoring.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isoscoring.server.Settings;
import org.isoscoring.tests.engine.RuleSafetyTests;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Http;
import org.isoscoring.tests.support.Http.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scoring service over real HTTP on loopback: every endpoint and every error status, its answers compared
 * byte for byte with the command line's, concurrent callers. Each nested class starts the service it needs and
 * stops it.
 */
@DisplayName("The scoring service over HTTP")
class ServiceTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path BAC_GIANG = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final Path TWO_TIER = ROOT.resolve("docs/examples/two-tier-2026.json");
    static final Path TWO_TIER_SMALL = ROOT.resolve("docs/examples/two-tier-2026-small.json");
    static final String JSON = "application/json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PROBLEM = "application/problem+json";

    /** What the command line prints, as bytes: the service must answer the same. */
    static byte[] cli(String... args) {
        Run run = Cli.run(args);
        assertThat(run.status()).as(run.err()).isZero();
        return run.out().getBytes(StandardCharsets.UTF_8);
    }

    /** Asserts a refusal: its status, its kind, problem details with at least one problem, and returns them. */
    static JsonNode refused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM);
        JsonNode body = answer.json();
        assertThat(body.get("type").asText()).isEqualTo("urn:iso-scoring:problem:" + code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("problems")).isNotEmpty();
        for (JsonNode p : body.get("problems")) {
            assertThat(p.has("place")).isTrue();
            assertThat(p.get("en").asText()).isNotBlank();
            assertThat(p.get("vi").asText()).isNotBlank();
            assertThat(p.get("message").asText()).isIn(p.get("en").asText(), p.get("vi").asText());
        }
        assertThat(answer.text()).doesNotContain("\tat ").doesNotContain("Exception");
        return body;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("with the bundled guidances")
    class Bundled {

        Http http;

        @BeforeAll
        void start() {
            http = Http.start();
        }

        @AfterAll
        void stop() {
            http.close();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"docs/examples/bac-giang-2022.json", "docs/examples/two-tier-2026.json",
                "docs/examples/two-tier-2026-small.json"})
        @DisplayName("given a bundled example, when POSTed to /v1/evaluate, then the answer is byte for byte what "
                + "evaluate --json prints")
        void evaluateIsTheCommandLines(String example) {
            Path request = ROOT.resolve(example);
            Answer answer = http.post("/v1/evaluate", JSON, request);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(answer.body()).isEqualTo(cli("evaluate", "--json", request.toString()));
            assertThat(answer.header("X-Guidance")).isEqualTo(answer.json().get("guidance").asText());
            assertThat(answer.header("X-Rules-Hash")).isEqualTo(answer.json().get("rulesHash").asText());
        }

        @Test
        @DisplayName("given the example province's form, when POSTed as a workbook, then the result is the JSON "
                + "request's")
        void workbookIn(@TempDir Path dir) throws IOException {
            Path form = dir.resolve("form.xlsx");
            assertThat(Cli.run("form", "--guidance", "bac-giang-2022", BAC_GIANG.toString(), "--out", form.toString())
                    .status()).isZero();
            Answer answer = http.post("/v1/evaluate", XLSX, form);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(cli("evaluate", "--json", BAC_GIANG.toString()));
        }

        @Test
        @DisplayName("given Accept asks for a workbook, then the results workbook comes back, named for the guidance")
        void workbookOut(@TempDir Path dir) throws IOException {
            Answer answer = http.post("/v1/evaluate", JSON, TWO_TIER_SMALL, "Accept", XLSX, "Accept-Language", "en");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo(XLSX);
            assertThat(answer.header("Content-Disposition")).contains("two-tier-2026-example-2026-results.xlsx");
            Path workbook = dir.resolve("results.xlsx");
            Files.write(workbook, answer.body());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
                assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
                assertThat(new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
                        StandardCharsets.UTF_8)).contains("Ranking");
            }
        }

        @Test
        @DisplayName("given a district and a seed, when POSTed to /v1/sample, then the answer is what sample --json "
                + "prints")
        void sample() {
            Answer answer = http.post("/v1/sample?district=HUYEN-YD&seed=2022-11-02%20Q%C4%90%202532&purpose=both",
                    JSON, BAC_GIANG);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(cli("sample", "--json", "--district", "HUYEN-YD", "--seed",
                    "2022-11-02 QĐ 2532", BAC_GIANG.toString()));
        }

        @Test
        @DisplayName("given a two-tier request and no district, then /v1/sample draws from all its communes")
        void sampleWithoutDistricts() {
            Answer answer = http.post("/v1/sample?seed=s", JSON, TWO_TIER);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(cli("sample", "--json", "--seed", "s", TWO_TIER.toString()));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "?district=HUYEN-YD                | ?seed    | the seed is missing",
                "?seed=%20&district=HUYEN-YD       | ?seed    | seed",
                "?seed=s&district=HUYEN-NOPE       | ?district | \"HUYEN-NOPE\"",
                "?seed=s&district=XA-YD-01         | ?district | not a DISTRICT",
                "?seed=s&purpose=all               | ?purpose | province, district, both",
                "?seed=s&distrcit=HUYEN-YD         | ?distrcit | unknown parameter",
                "?seed=s&seed=t&district=HUYEN-YD  | ?seed    | more than once"})
        @DisplayName("given a wrong parameter of /v1/sample, then 422 placed at it")
        void sampleRefused(String query, String place, String says) {
            JsonNode body = refused(http.post("/v1/sample" + query, JSON, BAC_GIANG, "Accept-Language", "en"), 422,
                    "request-rejected");
            assertThat(body.get("problems")).anySatisfy(p -> {
                assertThat(p.get("place").asText()).isEqualTo(place);
                assertThat(p.get("message").asText()).contains(says);
            });
        }

        @Test
        @DisplayName("when /v1/guidances is asked, then both bundled guidances are listed with their links")
        void guidances() {
            Answer answer = http.get("/v1/guidances");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode list = answer.json().get("guidances");
            assertThat(list).extracting(g -> g.get("id").asText())
                    .containsExactly("bac-giang-2022", "two-tier-2026-example");
            assertThat(list.get(0).get("years").get(0).asInt()).isEqualTo(2022);
            assertThat(list.get(1).get("notice").get("vi").asText()).contains("VÍ DỤ");
            assertThat(list.get(0).get("schema").asText()).isEqualTo("/v1/guidances/bac-giang-2022/schema");
            assertThat(answer.json().get("unavailable")).isEmpty();
        }

        @Test
        @DisplayName("when a guidance's declarations are asked, then its catalog and vocabulary come back, the same "
                + "bytes each time")
        void declarations() {
            Answer answer = http.get("/v1/guidances/bac-giang-2022");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode g = answer.json();
            assertThat(g.get("id").asText()).isEqualTo("bac-giang-2022");
            assertThat(g.get("criteria")).hasSize(15);
            assertThat(g.get("criteria").findValues("subCriteria").stream().mapToInt(JsonNode::size).sum())
                    .isEqualTo(31);
            assertThat(g.get("vocabulary").get("facts")).extracting(f -> f.get("name").asText())
                    .contains("staffTotal", "staffTrained");
            assertThat(g.get("vocabulary").get("kinds")).extracting(k -> k.get("id").asText())
                    .contains("DISTRICT", "COMMUNE");
            assertThat(http.get("/v1/guidances/bac-giang-2022").body()).isEqualTo(answer.body());
        }

        @Test
        @DisplayName("when a guidance's schema is asked, then it is what the schema command prints")
        void schema() {
            Answer answer = http.get("/v1/guidances/two-tier-2026-example/schema");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("application/schema+json");
            assertThat(answer.body()).isEqualTo(cli("schema", "two-tier-2026-example"));
        }

        @Test
        @DisplayName("when /health, / and /openapi.json are asked, then each answers JSON")
        void health() {
            JsonNode health = http.get("/health").json();
            for (int i = 0; i < 600 && health.get("status").asText().equals("starting"); i++) {
                sleep(100); // the bundled rules load in the background while the service listens
                health = http.get("/health").json();
            }
            assertThat(health.get("status").asText()).isEqualTo("up");
            assertThat(health.get("guidances")).hasSize(2);
            assertThat(health.get("memory").get("heapUsedBytes").asLong()).isPositive();
            assertThat(http.get("/").json().get("openapi").asText()).isEqualTo("/openapi.json");
            Answer openApi = http.get("/openapi.json");
            assertThat(openApi.status()).isEqualTo(200);
            assertThat(openApi.json().get("openapi").asText()).startsWith("3.1");
        }

        @Test
        @DisplayName("given a request with wrong facts, then 422 with every problem placed by its JSON path, in "
                + "Vietnamese by default and in English when Accept-Language prefers it")
        void rejected() {
            byte[] bad = "{\"year\": 2022, \"agencies\": [{\"id\": \"A\", \"kind\": \"MINISTRY\"}], \"assessments\": []}"
                    .getBytes(StandardCharsets.UTF_8);
            Answer vi = http.post("/v1/evaluate", JSON, bad);
            JsonNode body = refused(vi, 422, "request-rejected");
            assertThat(vi.header("Content-Language")).isEqualTo("vi");
            assertThat(body.get("problems").get(0).get("place").asText()).isEqualTo("agencies[0].kind");
            assertThat(body.get("problems").get(0).get("message").asText()).contains("không phải một trong");
            assertThat(body.get("title").asText()).isEqualTo("Yêu cầu chấm điểm bị từ chối");

            Answer en = http.post("/v1/evaluate", JSON, bad, "Accept-Language", "en-GB,en;q=0.9,vi;q=0.5");
            assertThat(en.header("Content-Language")).isEqualTo("en");
            assertThat(refused(en, 422, "request-rejected").get("problems").get(0).get("message").asText())
                    .contains("is not one of");
        }

        @ParameterizedTest(name = "Accept-Language: \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {"vi-VN | vi", "en | en", "fr, en;q=0.8 | en", "fr | vi",
                "*;q=0.5 | vi", "!!! | vi", "vi;q=0.4, en;q=0.9 | en"})
        @DisplayName("given an Accept-Language, then the messages are in the language it prefers of the two")
        void language(String header, String language) {
            Answer answer = http.post("/v1/evaluate", JSON, "{".getBytes(StandardCharsets.UTF_8),
                    "Accept-Language", header);
            refused(answer, 422, "request-rejected");
            assertThat(answer.header("Content-Language")).isEqualTo(language);
        }

        @Test
        @DisplayName("given broken JSON, then 422 placed at its line and column, and no result")
        void brokenJson() {
            JsonNode body = refused(http.post("/v1/evaluate", JSON, "{\"year\": 2022, \"agencies\": ["
                    .getBytes(StandardCharsets.UTF_8), "Accept-Language", "en"), 422, "request-rejected");
            assertThat(body.get("problems").get(0).get("place").asText()).startsWith("line 1, column");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/v1/evaluate?%zz=1", "/v1/sample?seed=%C3%28", "/v1/sample?seed=%"})
        @DisplayName("given a query string that cannot be decoded, then 400 bad-request, no class name")
        void malformedQuery(String path) throws IOException {
            byte[] request = Files.readAllBytes(TWO_TIER_SMALL);
            Answer answer; // written by hand: the JDK's client refuses to send such an address
            try (Http.InFlight sent = Http.InFlight.post(http.uri("/"), path, request, request.length,
                    "Accept-Language", "en")) {
                answer = sent.parsedAnswer();
            }
            JsonNode body = refused(answer, 400, "bad-request");
            assertThat(body.get("detail").asText()).contains("query string").doesNotContain("Exception");
        }

        @Test
        @DisplayName("given an empty body or a parameter /v1/evaluate does not take, then 422")
        void emptyOrParameters() {
            refused(http.post("/v1/evaluate", JSON, new byte[0]), 422, "request-rejected");
            JsonNode body = refused(http.post("/v1/evaluate?lang=en", JSON, BAC_GIANG), 422, "request-rejected");
            assertThat(body.get("problems").get(0).get("place").asText()).isEqualTo("?lang");
        }

        @ParameterizedTest(name = "Content-Type: {0}")
        @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=iso-8859-1",
                "application/x-www-form-urlencoded"})
        @DisplayName("given a media type the service does not read, then 415 naming the ones it does")
        void unsupportedMediaType(String type) {
            JsonNode body = refused(http.post("/v1/evaluate", type, BAC_GIANG, "Accept-Language", "en"), 415,
                    "unsupported-media-type");
            assertThat(body.get("detail").asText()).containsAnyOf("application/json", "UTF-8");
        }

        @Test
        @DisplayName("given no Content-Type, then 415")
        void noMediaType() {
            refused(http.post("/v1/evaluate", null, BAC_GIANG), 415, "unsupported-media-type");
        }

        @Test
        @DisplayName("given an Accept the service cannot answer, then 406 before the body is scored")
        void notAcceptable() {
            refused(http.post("/v1/evaluate", JSON, BAC_GIANG, "Accept", "text/html"), 406, "not-acceptable");
            refused(http.post("/v1/sample?seed=s&district=HUYEN-YD", JSON, BAC_GIANG, "Accept", XLSX), 406,
                    "not-acceptable");
            assertThat(http.post("/v1/evaluate", JSON, TWO_TIER_SMALL, "Accept", "text/html, */*;q=0.1").status())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("given a method an endpoint does not take, then 405 with Allow")
        void methodNotAllowed() {
            Answer put = http.send(HttpRequest.newBuilder(http.uri("/v1/evaluate"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")));
            refused(put, 405, "method-not-allowed");
            assertThat(put.header("Allow")).isEqualTo("POST");
            Answer post = http.post("/v1/guidances", JSON, new byte[] {'{', '}'});
            refused(post, 405, "method-not-allowed");
            assertThat(post.header("Allow")).isEqualTo("GET");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/v2/evaluate", "/v1/guidances/nope", "/v1/guidances/nope/schema",
                "/v1/guidances/bac-giang-2022/rules", "/health/"})
        @DisplayName("given an address the service does not have, then 404")
        void notFound(String path) {
            refused(http.get(path), 404, "not-found");
        }

        @Test
        @DisplayName("given many callers at once, each with its own request, then each gets its own right answer")
        void concurrentCallers() throws Exception {
            byte[] bacGiang = cli("evaluate", "--json", BAC_GIANG.toString());
            byte[] twoTier = cli("evaluate", "--json", TWO_TIER_SMALL.toString());
            ExecutorService callers = Executors.newFixedThreadPool(12);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    int kind = i % 3;
                    calls.add(callers.submit((Callable<Void>) () -> {
                        switch (kind) {
                            case 0 -> assertThat(http.post("/v1/evaluate", JSON, BAC_GIANG).body())
                                    .isEqualTo(bacGiang);
                            case 1 -> assertThat(http.post("/v1/evaluate", JSON, TWO_TIER_SMALL).body())
                                    .isEqualTo(twoTier);
                            default -> refused(http.post("/v1/evaluate", JSON, "{\"year\": 1999}"
                                    .getBytes(StandardCharsets.UTF_8)), 422, "request-rejected");
                        }
                        return null;
                    }));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("with its limits")
    class Limits {

        @Test
        @DisplayName("given a body larger than --max-body, then 413, announced or sent in chunks")
        void tooLarge() {
            Settings small = limits(64 * 1024, Duration.ofSeconds(30), 4, 8, Duration.ofSeconds(10));
            try (Http http = Http.start(small)) {
                JsonNode body = refused(http.post("/v1/evaluate", JSON, BAC_GIANG, "Accept-Language", "en"), 413,
                        "too-large");
                assertThat(body.get("detail").asText()).contains("64 KiB");
                Answer chunked = http.send(HttpRequest.newBuilder(http.uri("/v1/evaluate")).header("Content-Type",
                        JSON).POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                            try {
                                return Files.newInputStream(BAC_GIANG);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })));
                refused(chunked, 413, "too-large");
                // and it still scores what fits
                assertThat(http.post("/v1/evaluate", JSON, TWO_TIER_SMALL).status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("given a body that stops arriving, then 408 once the connection has been silent too long")
        void slowBody() throws IOException {
            Settings quick = limits(Settings.DEFAULT_MAX_BODY, Duration.ofSeconds(2), 4, 8, Duration.ofMillis(500));
            try (Http http = Http.start(quick); Http.InFlight stalled = Http.InFlight.post(http.uri("/"),
                    "/v1/evaluate", Files.readAllBytes(TWO_TIER_SMALL), 14, "Accept-Language", "en")) {
                assertThat(stalled.answer()).startsWith("HTTP/1.1 408").contains("request-timeout");
                assertThat(http.post("/v1/evaluate", JSON, TWO_TIER_SMALL).status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("given every place taken and no room to wait, then 503 busy with Retry-After, /health still "
                + "answered; then it answers")
        void busy() throws Exception {
            Settings one = limits(Settings.DEFAULT_MAX_BODY, Duration.ofSeconds(30), 1, 0, Duration.ofSeconds(10));
            // one request holds the only place while its body is on its way
            try (Http http = Http.start(one); Http.InFlight slow = Http.InFlight.post(http.uri("/"), "/v1/evaluate",
                    Files.readAllBytes(TWO_TIER_SMALL), 10)) {
                Thread.sleep(300);
                assertThat(http.get("/health").status()).as("a monitor is answered all the same").isEqualTo(200);
                Answer busy = http.get("/v1/guidances", "Accept-Language", "en");
                JsonNode problem = refused(busy, 503, "busy");
                assertThat(busy.header("Retry-After")).isEqualTo("1");
                assertThat(problem.get("detail").asText()).contains("try again");
                assertThat(slow.rest().answer()).startsWith("HTTP/1.1 200");
                // the place is given back as the exchange completes, a moment after the caller has read it all
                int status = 503;
                for (int i = 0; i < 50 && status == 503; i++) {
                    sleep(100);
                    status = http.get("/v1/guidances").status();
                }
                assertThat(status).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("given a stop while a request is in flight, then that request is answered and new ones are "
                + "refused")
        void gracefulStop() throws Exception {
            Http http = Http.start();
            int port = http.service().port();
            try (Http.InFlight inFlight = Http.InFlight.post(http.uri("/"), "/v1/evaluate",
                    Files.readAllBytes(TWO_TIER_SMALL), 100)) {
                Thread.sleep(200);
                Thread stopping = new Thread(http::close);
                stopping.start();
                Thread.sleep(500);
                // new requests are refused: the port no longer accepts, or the answer is 503
                try (Socket late = new Socket("127.0.0.1", port)) {
                    late.setSoTimeout(10_000);
                    late.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(readAll(late.getInputStream()), StandardCharsets.UTF_8);
                    assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(),
                            a -> assertThat(a).startsWith("HTTP/1.1 503"));
                } catch (java.net.SocketException refused) {
                    // refused at the door: as good
                }
                String answer = inFlight.rest().answer();
                assertThat(answer).startsWith("HTTP/1.1 200");
                byte[] expected = cli("evaluate", "--json", TWO_TIER_SMALL.toString());
                assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).contains(new String(expected,
                        StandardCharsets.UTF_8).substring(0, 200));
                stopping.join(30_000);
                assertThat(stopping.isAlive()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("with guidance folders")
    class Folders {

        @Test
        @DisplayName("given a folder that fails to load beside one that loads, then the good one is served and a "
                + "request for the broken one gets 503 with the folder's problems, each time, quickly")
        void brokenFolder(@TempDir Path dir) throws IOException {
            Path good = Files.createDirectories(dir.resolve("good"));
            RuleSafetyTests.bundledCopy(good);
            Path broken = Files.createDirectories(dir.resolve("broken"));
            RuleSafetyTests.bundledCopy(broken);
            Path guidance = broken.resolve("guidance.json");
            Files.writeString(guidance, Files.readString(guidance).replaceFirst("\"id\": \"bac-giang-2022\"",
                    "\"id\": \"bac-giang-2022-broken\""));
            Files.writeString(broken.resolve("02-training.drl"), "rule \"2.1 hỏng\" when then end end\n",
                    java.nio.file.StandardOpenOption.APPEND);
            try (Http http = Http.start(Settings.defaults().withPort(0).withRules(List.of(good, broken)))) {
                assertThat(http.service().guidances()).containsExactly("bac-giang-2022");
                assertThat(http.service().unavailable()).containsExactly("bac-giang-2022-broken");
                JsonNode health = http.get("/health").json();
                assertThat(health.get("status").asText()).isEqualTo("degraded");
                assertThat(health.get("unavailable").get(0).get("problems").get(0).asText()).contains("02-training.drl");

                String named = Files.readString(BAC_GIANG).replaceFirst("\"guidance\": \"bac-giang-2022\"",
                        "\"guidance\": \"bac-giang-2022-broken\"");
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    JsonNode body = refused(http.post("/v1/evaluate", JSON, named.getBytes(StandardCharsets.UTF_8),
                            "Accept-Language", "en"), 503, "guidance-unavailable");
                    assertThat(body.get("problems").get(0).get("place").asText()).isEqualTo("guidance");
                    assertThat(body.get("problems")).anySatisfy(p -> {
                        assertThat(p.get("place").asText()).matches("02-training\\.drl:\\d+:\\d+");
                        // the rule compiler's English detail, after a lead-in in each language
                        assertThat(p.get("en").asText()).startsWith("compile error: ").doesNotContain("lỗi");
                        assertThat(p.get("vi").asText()).startsWith("lỗi biên dịch: ").doesNotContain("compile error");
                    });
                    assertThat(System.nanoTime() - start).as("not loaded again").isLessThan(5_000_000_000L);
                }
                refused(http.get("/v1/guidances/bac-giang-2022-broken"), 503, "guidance-unavailable");
                assertThat(http.post("/v1/evaluate", JSON, BAC_GIANG).body())
                        .isEqualTo(cli("evaluate", "--json", "--rules", good.toString(), BAC_GIANG.toString()));
            }
        }

        @Test
        @DisplayName("given a folder whose rules loop while scoring, then 500 rules-defective naming the rule, and "
                + "the service goes on")
        void rulesFailWhileScoring(@TempDir Path dir) throws IOException {
            RuleSafetyTests.withRule(dir, "20-subtotal-and-total.drl",
                    RuleSafetyTests.awardLoop("Vòng lặp trong dịch vụ"));
            RuleSafetyTests.addImports(dir.resolve("20-subtotal-and-total.drl"), "org.isoscoring.drools.Award");
            try (Http http = Http.start(Settings.defaults().withPort(0).withRules(List.of(dir)))) {
                JsonNode body = refused(http.post("/v1/evaluate", JSON, BAC_GIANG), 500, "rules-defective");
                assertThat(body.get("problems").get(0).get("en").asText()).contains("Vòng lặp trong dịch vụ");
                assertThat(http.get("/health").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("given two folders of one guidance, then the service does not start and says which")
        void sameGuidanceTwice(@TempDir Path dir) throws IOException {
            Path a = RuleSafetyTests.bundledCopy(Files.createDirectories(dir.resolve("a")));
            Path b = RuleSafetyTests.bundledCopy(Files.createDirectories(dir.resolve("b")));
            Run run = Cli.run("serve", "--port", "0", "--rules", a.toString(), "--rules", b.toString());
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.err()).contains("bac-giang-2022").contains("already served");
        }

        @Test
        @DisplayName("given the port is taken, then serve exits 1 with one line saying so, no stack trace")
        void portTaken() {
            try (Http http = Http.start()) {
                Run run = Cli.run("serve", "--port", String.valueOf(http.service().port()));
                assertThat(run.status()).isEqualTo(1);
                assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + http.service().port())
                        .contains("không lắng nghe được").doesNotContain("\tat ").doesNotContain("java.io")
                        .doesNotContain("stopping");
                assertThat(run.err().lines()).hasSize(1);
            }
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "--max-body=12 parsecs      | --max-body",
                "--max-body=1024MiB         | max body",
                "--request-timeout=soon     | --request-timeout",
                "--max-concurrent=0         | max concurrent",
                "--port=70000               | port",
                "--rules=/no/such/folder    | not a folder"})
        @DisplayName("given a wrong option of serve, then exit 64 with what is wrong, before listening")
        void wrongOptions(String option, String says) {
            Run run = Cli.run("serve", option);
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(says);
        }
    }

    /** Settings on a free loopback port, the bundled guidances, these limits, 5 s to wait and to stop. */
    static Settings limits(long maxBody, Duration requestTimeout, int maxConcurrent, int maxWaiting,
                           Duration idleTimeout) {
        return new Settings("127.0.0.1", 0, List.of(), maxBody, requestTimeout, maxConcurrent, maxWaiting,
                Duration.ofSeconds(5), idleTimeout, Duration.ofSeconds(5));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
