package org.isoscoring.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line tool, end to end: in process for most cases, and the real jar in a new JVM for a few. */
@DisplayName("The iso-scoring command")
class CliTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");

    static Run cli(String... args) {
        return Cli.run(args);
    }

    @Nested
    @DisplayName("evaluate")
    class Evaluate {

        @Test
        @DisplayName("given the example province, then it ranks every agency and reports every district")
        void summary() throws IOException {
            Run run = cli("evaluate", EXAMPLE.toString(), "--lang", "both");
            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            var request = Requests.read(EXAMPLE);
            request.agencies().forEach(a -> assertThat(run.out()).contains(a.id()));
            assertThat(run.out()).contains("XẾP HẠNG").contains("CẤP HUYỆN")
                    .contains("xã bị chấm cao quá 10% / over-scored communes: XA-LNG-29")
                    .contains("trừ / penalty: 3 điểm / points");
            long districtLines = run.out().lines().filter(l -> l.contains(" · đã chấm tại chỗ / scored on site: "))
                    .count();
            assertThat(districtLines).isEqualTo(10);
            // a district whose communes all reach 80 (its 15.2 is 3): HUYEN-VY, 17 of 17
            assertThat(run.out().lines().filter(l -> l.startsWith("HUYEN-VY ")).findFirst().orElseThrow())
                    .contains("số xã / communes: 17 ·").contains("xã đạt từ 80 điểm / communes at 80 or more: 17 ·");
        }

        @Test
        @DisplayName("without --lang, then the summary is in Vietnamese only (issue 7: Vietnamese by default)")
        void vietnameseByDefault() {
            Run run = cli("evaluate", EXAMPLE.toString());
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("XẾP HẠNG").contains(" · đã chấm tại chỗ: ").contains("trừ: 3 điểm")
                    .contains("xã đạt từ 80 điểm: 17 ·")
                    .doesNotContain("on site").doesNotContain("penalty").doesNotContain("communes")
                    .doesNotContain("final results");
        }

        @Test
        @DisplayName("with --lang en, then the summary is in English, with 0 points and 3 points as English writes it")
        void english() {
            Run run = cli("evaluate", EXAMPLE.toString(), "--lang", "en");
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("penalty: 0 points").contains("penalty: 3 points")
                    .contains("over-scored communes: XA-LNG-29")
                    .doesNotContain("1 points").doesNotContain("điểm");
        }

        @Test
        @DisplayName("with --json, then it prints exactly the FORMAT.md result and nothing else")
        void json() {
            Run run = cli("evaluate", EXAMPLE.toString(), "--json");
            assertThat(run.status()).isZero();
            String expected = ScoringJson.writeResult(ScoringEngine.create().evaluate(Requests.read(EXAMPLE)));
            assertThat(run.out()).isEqualTo(expected);
            assertThat(run.out()).startsWith("{").contains("\"districts\"").contains("\"overScoredCommunes\"");
        }

        @Test
        @DisplayName("with --explain, then it prints the agency's score sheet with every sub-criterion and its reason")
        void explain() {
            Run run = cli("evaluate", EXAMPLE.toString(), "--explain", "XA-LNG-29", "--lang", "both");
            assertThat(run.status()).isZero();
            for (String id : List.of("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1",
                    "5.2", "5.3", "6.1", "6.2", "7.1", "7.2", "8.1", "8.2", "9.1", "9.2", "10.1", "10.2", "11.1",
                    "12.1", "13.1", "14.1", "14.2", "15.1", "15.2")) {
                assertThat(run.out()).contains("  " + id + " ");
            }
            assertThat(run.out()).contains("KẾT QUẢ CUỐI CÙNG").contains("lý do / reason:").contains("quy tắc / rule:");
        }

        @Test
        @DisplayName("with --explain of a penalised district, then the sheet shows the penalty and its communes")
        void explainPenalty() {
            Run run = cli("evaluate", EXAMPLE.toString(), "--explain", "HUYEN-LNG", "--lang", "both");
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("trừ điểm / penalty: 3 (xã bị chấm cao quá 10% / over-scored communes: "
                    + "XA-LNG-29)");
        }

        @Test
        @DisplayName("with --explain of an unknown agency, then exit 64 (a wrong command line) and a message")
        void explainUnknown() {
            Run run = cli("evaluate", EXAMPLE.toString(), "--explain", "NOPE");
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("NOPE");
        }

        @Test
        @DisplayName("given a rejected request, then exit 2, nothing on standard output, one line per problem")
        void rejected(@TempDir Path dir) throws IOException {
            Path bad = dir.resolve("bad.json");
            String json = Files.readString(EXAMPLE).replaceFirst("\"staffTrained\": \\d+", "\"staffTrained\": 3.5")
                    .replaceFirst("\"kind\": \"DEPARTMENT\"", "\"kind\": \"MINISTRY\"");
            Files.writeString(bad, json);
            Run run = cli("evaluate", bad.toString(), "--json", "--lang", "both");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            List<String> lines = run.err().lines().toList();
            assertThat(lines).hasSize(2);
            // with --lang both each line is "place: Vietnamese / English"
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("agencies\\[\\d+]\\.kind: \"MINISTRY\" không phải "
                    + "một trong .* / \"MINISTRY\" is not one of .*"));
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("assessments\\[\\d+]\\.facts\\.staffTrained: 3\\.5 "
                    + "không phải số nguyên .* / 3\\.5 is not a whole number .*"));
        }

        @Test
        @DisplayName("given a missing file or a directory, then exit 2 with the path")
        void notAFile(@TempDir Path dir) {
            Run missing = cli("evaluate", dir.resolve("nope.json").toString(), "--lang", "both");
            assertThat(missing.status()).isEqualTo(2);
            assertThat(missing.err()).contains("nope.json");
            Run directory = cli("evaluate", dir.toString(), "--lang", "both");
            assertThat(directory.status()).isEqualTo(2);
            assertThat(directory.err()).contains("directory");
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"evaluate", "check", "test", "diff", "mutate", "new-guidance", "sample", "guidances",
            "generate-example"})
    @DisplayName("every command has --help")
    void help(String command) {
        Run run = cli(command, "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: iso-scoring " + command);
    }

    @Test
    @DisplayName("the top command has --help and lists its commands")
    void topHelp() {
        Run run = cli("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("evaluate").contains("guidances").contains("generate-example");
    }

    @Test
    @DisplayName("a wrong command line gives exit 64 and points to --help, not the whole usage")
    void usage() {
        Run run = cli("evaluate", EXAMPLE.toString(), "--jsn");
        assertThat(run.status()).isEqualTo(64);
        assertThat(run.err()).contains("--jsn").contains("iso-scoring evaluate --help");
        assertThat(run.err().lines().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("guidances lists the bundled guidance")
    void guidances() {
        Run run = cli("guidances");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("bac-giang-2022").contains("2022");
    }

    @Nested
    @DisplayName("the real jar, in a new JVM")
    class Jar {

        private Run java(String... args) throws IOException, InterruptedException {
            Path jar = Path.of(System.getProperty("cli.jar", ROOT.resolve("rules-cli/target/iso-scoring.jar").toString()));
            assertThat(jar).as("the CLI jar is built before the tests (mvn verify builds it)").exists();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        }

        @Test
        @DisplayName("evaluate --json of the example province prints the same result as the library")
        void evaluates() throws Exception {
            Run run = java("evaluate", EXAMPLE.toString(), "--json");
            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo(cli("evaluate", EXAMPLE.toString(), "--json").out());
        }

        @Test
        @DisplayName("a broken request gives exit 2, its problems, and no stack trace")
        void rejects(@TempDir Path dir) throws Exception {
            Path bad = dir.resolve("truncated.json");
            String json = Files.readString(EXAMPLE);
            Files.writeString(bad, json.substring(0, json.length() / 2));
            Run run = java("evaluate", bad.toString(), "--lang", "both");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("line ").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
