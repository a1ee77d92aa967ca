package org.isoscoring.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Limits, determinism, and rule folders built while other threads score. */
@DisplayName("Reliability")
class ReliabilityTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final Path BUNDLED = ROOT.resolve("rules-drools/src/main/resources/guidances/bac-giang-2022");
    static final Path EXAMPLE_2023 = ROOT.resolve("docs/examples/guidance-2023-example");

    private static RequestRejectedException rejected(InputStream in) {
        return catchThrowableOfType(RequestRejectedException.class, () -> Requests.read(in));
    }

    @Nested
    @DisplayName("Documented limits give a clear message instead of running out of memory")
    class Limits {

        @Test
        @DisplayName("a document nested deeper than the limit")
        void deep() {
            String json = "{\"year\":2022,\"agencies\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
            RequestRejectedException e = catchThrowableOfType(RequestRejectedException.class,
                    () -> Requests.read(json));
            assertThat(e.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("nested deeper than " + ScoringJson.MAX_DEPTH));
        }

        @Test
        @DisplayName("a stream larger than the size limit is refused after the limit, not read whole")
        void huge() {
            InputStream head = new ByteArrayInputStream("{\"year\": ".getBytes(StandardCharsets.UTF_8));
            InputStream spaces = new InputStream() {
                @Override
                public int read() {
                    return ' ';
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                    return len;
                }
            };
            RequestRejectedException e = rejected(new SequenceInputStream(head, spaces));
            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("larger than"));
        }

        @Test
        @DisplayName("more agencies than the limit")
        void manyAgencies() {
            StringBuilder json = new StringBuilder("{\"year\":2022,\"assessments\":[],\"agencies\":[");
            for (int i = 0; i <= ScoringJson.MAX_AGENCIES; i++) {
                json.append(i == 0 ? "" : ",").append("{}");
            }
            json.append("]}");
            RequestRejectedException e = catchThrowableOfType(RequestRejectedException.class,
                    () -> Requests.read(json.toString()));
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.place()).isEqualTo("agencies");
                assertThat(p.message()).contains("more than the limit");
            });
        }

        @Test
        @DisplayName("a number beyond long, a text beyond the limit")
        void hugeValues() {
            RequestRejectedException number = catchThrowableOfType(RequestRejectedException.class,
                    () -> Requests.read("{\"year\": 99999999999999999999999}"));
            assertThat(number.problems()).anySatisfy(p -> assertThat(p.place()).isEqualTo("year"));
            RequestRejectedException text = catchThrowableOfType(RequestRejectedException.class,
                    () -> Requests.read("{\"guidance\": \"" + "x".repeat(ScoringJson.MAX_STRING + 1) + "\"}"));
            assertThat(text.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("longer than"));
        }
    }

    @Nested
    @DisplayName("Determinism")
    class Determinism {

        @Test
        @DisplayName("the same request gives byte-identical JSON, whatever the order of its facts")
        void sameBytes() throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(EXAMPLE.toFile());
            for (JsonNode a : root.get("assessments")) {
                ObjectNode facts = (ObjectNode) a.get("facts");
                List<String> names = new ArrayList<>();
                facts.fieldNames().forEachRemaining(names::add);
                Collections.reverse(names);
                ObjectNode reversed = mapper.createObjectNode();
                names.forEach(n -> reversed.set(n, facts.get(n)));
                ((ObjectNode) a).set("facts", reversed);
            }
            ScoringEngine engine = ScoringEngine.create();
            String once = ScoringJson.writeResult(engine.evaluate(Requests.read(EXAMPLE)));
            String again = ScoringJson.writeResult(engine.evaluate(Requests.read(EXAMPLE)));
            String reordered = ScoringJson.writeResult(engine.evaluate(Requests.read(
                    mapper.writeValueAsString(root))));
            assertThat(again).isEqualTo(once);
            assertThat(reordered).isEqualTo(once);
        }
    }

    @Test
    @DisplayName("rule folders built at the same time, while other threads score, keep their own rules")
    void foldersBuiltConcurrently() throws Exception {
        ScoringRequest request = Requests.read(EXAMPLE);
        String expected2022 = stripped(ScoringJson.writeResult(ScoringEngine.create().withRules(BUNDLED).evaluate(request)));
        String expected2023 = stripped(ScoringJson.writeResult(ScoringEngine.create().withRules(EXAMPLE_2023)
                .evaluate(request)));
        assertThat(expected2023).isNotEqualTo(expected2022);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean is2023 = i % 2 == 1;
                runs.add(pool.submit(() -> stripped(ScoringJson.writeResult(ScoringEngine.create()
                        .withRules(is2023 ? EXAMPLE_2023 : BUNDLED).evaluate(request)))
                        .equals(is2023 ? expected2023 : expected2022)));
                runs.add(pool.submit(() -> ScoringJson.writeResult(ScoringEngine.create().evaluate(request)) != null));
            }
            for (Iterator<Future<Boolean>> it = runs.iterator(); it.hasNext(); ) {
                assertThat(it.next().get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String stripped(String json) {
        return json.replaceAll("\"(guidance|rulesHash)\": \"[^\"]*\"", "");
    }
}
