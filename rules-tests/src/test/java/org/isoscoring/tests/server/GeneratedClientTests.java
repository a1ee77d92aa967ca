package org.isoscoring.tests.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.isoscoring.tests.client.ApiClient;
import org.isoscoring.tests.client.ApiException;
import org.isoscoring.tests.client.api.GuidancesApi;
import org.isoscoring.tests.client.api.ScoringApi;
import org.isoscoring.tests.client.api.ServiceApi;
import org.isoscoring.tests.client.model.GuidanceList;
import org.isoscoring.tests.client.model.GuidanceSummary;
import org.isoscoring.tests.client.model.Result;
import org.isoscoring.tests.client.model.Sample;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java client that openapi-generator (generator {@code java}, library {@code native}) makes from the service's
 * OpenAPI document at build time (rules-tests/pom.xml), calling the service started in this JVM: what a provincial
 * system gets from the document alone.
 */
@DisplayName("A Java client generated from the OpenAPI document")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Numbers equal by value (the client reads points as BigDecimal, the CLI's JSON as int or double). */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a instanceof NumericNode x && b instanceof NumericNode y) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Http http;
    private ApiClient client;

    @BeforeAll
    void start() {
        http = Http.start();
        String base = http.service().uri().toString();
        client = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)), ApiClient.createDefaultObjectMapper(),
                base.substring(0, base.length() - 1));
        client.setReadTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    /**
     * The request as a tree: the generated client's mapper leaves out null values of maps and beans
     * ({@code Include.NON_NULL}), but writes a tree as it is, and FORMAT.md wants the nullable dates present.
     */
    static JsonNode request(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("when it evaluates the example province, then its result, written back as JSON, is the tree "
            + "evaluate --json prints")
    void evaluatesTheExampleProvince() throws Exception {
        Result result = new ScoringApi(client).evaluate(request(EXAMPLE));

        assertThat(result.getGuidance()).isEqualTo("bac-giang-2022");
        assertThat(result.getAssessments()).hasSizeGreaterThan(100);
        assertThat(result.getAdditionalProperties()).containsOnlyKeys("districts");
        Cli.Run cli = Cli.run("evaluate", "--json", EXAMPLE.toString());
        assertThat(cli.status()).as(cli.err()).isZero();
        JsonNode expected = MAPPER.readTree(cli.out());
        JsonNode written = MAPPER.readTree(client.getObjectMapper().writeValueAsString(result));
        assertThat(written.equals(BY_VALUE, expected)).as("the same tree as evaluate --json").isTrue();
    }

    @Test
    @DisplayName("when it sends a request with a wrong fact, then it gets ApiException 422 whose body holds the "
            + "problems, each placed, in the language asked for")
    void rejected() throws Exception {
        ObjectNode wrong = (ObjectNode) MAPPER.readTree(Files.readString(EXAMPLE));
        ((ObjectNode) wrong.get("assessments").get(3).get("facts")).put("staffTrained", -5);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> new ScoringApi(client)
                .evaluate(wrong, Map.of("Accept-Language", "vi")));

        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type").orElse("")).startsWith(
                "application/problem+json");
        JsonNode problem = MAPPER.readTree(refused.getResponseBody());
        assertThat(problem.get("type").asText()).isEqualTo("urn:iso-scoring:problem:request-rejected");
        assertThat(problem.at("/problems/0/place").asText()).isEqualTo("assessments[3].facts.staffTrained");
        assertThat(problem.at("/problems/0/message").asText()).isEqualTo(problem.at("/problems/0/vi").asText());
    }

    @Test
    @DisplayName("when it lists the guidances, then both bundled ones are there with their addresses, and the "
            + "service says it is up")
    void listsGuidances() throws Exception {
        GuidanceList list = new GuidancesApi(client).listGuidances();

        assertThat(list.getGuidances()).extracting(GuidanceSummary::getId)
                .containsExactly("bac-giang-2022", "two-tier-2026-example");
        assertThat(list.getGuidances().get(0).getSchema()).isEqualTo("/v1/guidances/bac-giang-2022/schema");
        assertThat(list.getUnavailable()).isEmpty();
        assertThat(new GuidancesApi(client).getDeclarations("bac-giang-2022").getCriteria()).hasSize(15);
        assertThat(new ServiceApi(client).getHealth().getStatus().getValue()).isEqualTo("up");
    }

    @Test
    @DisplayName("when it draws a sample of a district's communes, then the draw is what sample --json prints")
    void drawsASample() throws Exception {
        String seed = "2022-11-02 QĐ 2532";
        Sample sample = new ScoringApi(client).sample(seed, request(EXAMPLE), "HUYEN-YD", "both");

        assertThat(sample.getDistrict()).isEqualTo("HUYEN-YD");
        assertThat(sample.getDraws()).hasSize(2);
        Cli.Run cli = Cli.run("sample", "--json", "--seed=" + seed, "--district=HUYEN-YD", EXAMPLE.toString());
        assertThat(cli.status()).as(cli.err()).isZero();
        JsonNode written = MAPPER.readTree(client.getObjectMapper().writeValueAsString(sample));
        assertThat(written.equals(BY_VALUE, MAPPER.readTree(cli.out()))).as(written.toString()).isTrue();
        assertThat(sample.getDraws().get(0).getChosen()).isNotEmpty().isSubsetOf(List.copyOf(
                sample.getDraws().get(0).getRanking().stream().map(r -> r.getCommune()).toList()));
    }
}
