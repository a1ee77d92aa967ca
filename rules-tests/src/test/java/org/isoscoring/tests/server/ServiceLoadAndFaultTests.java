package org.isoscoring.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.isoscoring.tests.server.LoadAndFaults.Report;
import org.isoscoring.tests.server.LoadAndFaults.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of the load-and-fault run (scripts/load-test.sh runs the long one): the real service as a separate
 * process ({@code java -Xmx512m -jar rules-cli/target/iso-scoring.jar serve --port 0} with a good and a broken
 * guidance folder), 4 clients for 5 s, each fault twice, then the checks after. Figures are printed, never asserted:
 * benchmarks are not tests.
 */
@DisplayName("The service under a short load and faults")
class ServiceLoadAndFaultTests {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    static Path work;
    static Report report;
    static String progress;

    @BeforeAll
    static void run() throws Exception {
        // given the service started from the jar with a good and a broken guidance folder, short limits (8 s a
        // request: long enough for a cold service on 2 shared cores, short enough for the slow bodies)
        LoadAndFaults.Options options = new LoadAndFaults.Options(ROOT,
                ROOT.resolve("rules-cli/target/iso-scoring.jar"), "512m", null, -1, "broken-2022", 2L * 1024 * 1024,
                ROOT.resolve("docs/examples/bac-giang-2022.json"), null, 4, Duration.ofSeconds(5), 2,
                Duration.ofSeconds(8), Duration.ofSeconds(4), 1536L * 1024 * 1024, work, null);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // when 4 clients load it for 5 s, then each fault comes twice
        report = LoadAndFaults.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));
        progress = log.toString(StandardCharsets.UTF_8);
        System.out.println(progress + report.markdown());
    }

    static Row row(String words) {
        return report.rows().stream().filter(r -> r.what().startsWith(words) || r.what().contains(" " + words))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no row \"" + words + "\" in\n" + report.markdown()));
    }

    static void passed(Row row, int atLeast) {
        assertThat(row.errors()).as(row.what()).isEmpty();
        assertThat(row.failures()).as(row.what()).isZero();
        assertThat(row.requests()).as(row.what()).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    @DisplayName("then every phase passed and the report is one markdown table")
    void everyPhasePassed() {
        assertThat(report.errors()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.markdown()).startsWith("| phase | what | requests | failures | figures |")
                .endsWith("all passed\n");
    }

    @Nested
    @DisplayName("under load")
    class UnderLoad {

        @Test
        @DisplayName("then 4 clients for 5 s got only 200 with the exact bytes of evaluate --json")
        void zeroErrors() {
            assertThat(report.load().clients()).isEqualTo(4);
            assertThat(report.load().requests()).isPositive();
            assertThat(report.load().errors()).isZero();
            passed(row("warm-up:"), 1);
            passed(row("clients POST the example province"), 1);
        }
    }

    @Nested
    @DisplayName("given faulty clients")
    class Faults {

        @Test
        @DisplayName("then a client that disconnects in the middle of its body leaves the service healthy")
        void disconnect() {
            passed(row("disconnect in the middle of the body"), 2);
        }

        @Test
        @DisplayName("then a body sent a few bytes per second gets 408 or a closed connection within its time")
        void slowBody() {
            passed(row("sent 4 bytes per second"), 2);
        }

        @Test
        @DisplayName("then a body that stops halfway gets 408 or a closed connection after the idle time")
        void silentBody() {
            passed(row("stop after 1,000 bytes"), 2);
        }

        @Test
        @DisplayName("then malformed JSON gets 422 with its problem placed")
        void malformed() {
            passed(row("malformed JSON"), 6);
        }

        @Test
        @DisplayName("then a body over the limit gets 413, by its Content-Length or chunked without one")
        void oversized() {
            passed(row("(limit + 1), no body sent"), 2);
            passed(row("chunked body without a length"), 2);
        }

        @Test
        @DisplayName("then a body that is not JSON by its Content-Type gets 415")
        void wrongType() {
            passed(row("text/plain"), 6);
        }

        @Test
        @DisplayName("then clients hammering the broken guidance get 503 guidance-unavailable with its problems")
        void brokenGuidance() {
            passed(row("naming the broken guidance"), 10);
        }
    }

    @Nested
    @DisplayName("after the load and faults")
    class After {

        @Test
        @DisplayName("then the service is up and answers the exact bytes")
        void upAndCorrect() {
            passed(row("/health 200; evaluate answers the exact"), 2);
        }

        @Test
        @DisplayName("then its memory is bounded, measured from /proc and /health")
        void memoryBounded() {
            passed(row("memory (bound"), 0);
            assertThat(report.after().rssBytes()).isPositive().isLessThan(1536L * 1024 * 1024);
            assertThat(report.after().heapMaxBytes()).isLessThanOrEqualTo(512L * 1024 * 1024);
            assertThat(report.after().heapUsedBytes()).isPositive();
        }
    }
}
