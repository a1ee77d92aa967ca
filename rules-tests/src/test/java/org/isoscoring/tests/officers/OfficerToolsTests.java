package org.isoscoring.tests.officers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** The yearly workflow of a policy officer: new-guidance → edit → check → test → mutate → diff. */
@DisplayName("The officers' tools")
class OfficerToolsTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final Path EXAMPLE_2023 = ROOT.resolve("docs/examples/guidance-2023-example");

    @TempDir
    static Path work;
    static Path copy;

    static Run cli(String... args) {
        return Cli.run(args);
    }

    @BeforeAll
    static void newGuidance() {
        copy = work.resolve("bg-2023");
        Run run = cli("new-guidance", "--from", "bac-giang-2022", "--to", copy.toString());
        assertThat(run.status()).isZero();
    }

    /** A copy of the fresh copy with one edit. */
    static Path edited(String name, String file, String from, String to) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        try (var files = Files.list(copy)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Path f = dir.resolve(file);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(text).as("the edit applies").contains(from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    @DisplayName("new-guidance writes every file of the bundled guidance, with the folder's name as id")
    void copies() {
        assertThat(copy.resolve("guidance.json")).content().contains("\"id\": \"bg-2023\"");
        assertThat(copy.resolve("07-dossier-handling.drl")).exists();
        assertThat(copy.resolve("scenarios.csv")).exists();
        assertThat(cli("new-guidance", "--from", "nope", "--to", work.resolve("x").toString()).status()).isEqualTo(64);
    }

    @Test
    @DisplayName("check passes on the copy; evaluate --rules scores with it and names it")
    void checkAndScore() {
        Run check = cli("check", copy.toString());
        assertThat(check.status()).isZero();
        assertThat(check.out()).startsWith("OK: ");
        Run json = cli("evaluate", EXAMPLE.toString(), "--json", "--rules", copy.toString());
        assertThat(json.status()).isZero();
        assertThat(json.out()).contains("\"guidance\": \"bg-2023\"");
        String bundled = ScoringJson.writeResult(ScoringEngine.create().evaluate(Requests.read(EXAMPLE)));
        // same rules, other id and hash: the same scores
        assertThat(json.out().replaceAll("\"(guidance|rulesHash)\": \"[^\"]*\"", ""))
                .isEqualTo(bundled.replaceAll("\"(guidance|rulesHash)\": \"[^\"]*\"", ""));
    }

    @Nested
    @DisplayName("check on a broken folder gives file:line:column and a plain message")
    class Broken {

        static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> breakages() {
            return java.util.stream.Stream.of(
                    org.junit.jupiter.params.provider.Arguments.of("a syntax error", "07-dossier-handling.drl",
                            "then\n    award(kcontext, $s, \"8\"", "thn\n    award(kcontext, $s, \"8\"",
                            "07-dossier-handling.drl:\\d+:\\d+: lỗi cú pháp.*"),
                    org.junit.jupiter.params.provider.Arguments.of("an unknown fact", "07-dossier-handling.drl",
                            "dossiersResolved > 0, onTimeRate.atLeast(98)", "dossiersResolvd > 0, onTimeRate.atLeast(98)",
                            "07-dossier-handling.drl:\\d+:\\d+: .*'dossiersResolvd'.*"),
                    org.junit.jupiter.params.provider.Arguments.of("a duplicate rule name", "07-dossier-handling.drl",
                            "rule \"7.1 Tỷ lệ hồ sơ đúng hạn từ 90% đến dưới 95% → 5\"",
                            "rule \"7.1 Tỷ lệ hồ sơ đúng hạn từ 95% đến dưới 98% → 8\"",
                            "07-dossier-handling.drl:\\d+:\\d+: .*bị trùng.*used twice"),
                    org.junit.jupiter.params.provider.Arguments.of("an award above the maximum", "07-dossier-handling.drl",
                            "award(kcontext, $s, \"8\",", "award(kcontext, $s, \"12\",",
                            "07-dossier-handling.drl:\\d+:\\d+: .*maximum is 10.*"),
                    org.junit.jupiter.params.provider.Arguments.of("a call that leaves scoring", "07-dossier-handling.drl",
                            "    award(kcontext, $s, \"8\",", "    System.exit(1);\n    award(kcontext, $s, \"8\",",
                            "07-dossier-handling.drl:\\d+:\\d+: 'System' .*"),
                    org.junit.jupiter.params.provider.Arguments.of("a gap in the rating bands", "23-rating.drl",
                            "value >= 80, value < 90", "value >= 80, value < 89", "23-rating.drl:0:0: .*89–89.5.*"),
                    org.junit.jupiter.params.provider.Arguments.of("a gap between two bands of 7.1", "07-dossier-handling.drl",
                            "onTimeRate.atLeast(95), onTimeRate.below(98)", "onTimeRate.atLeast(95), onTimeRate.below(97)",
                            "07-dossier-handling.drl:\\d+:\\d+: tiêu chí 7.1: không quy tắc nào cho điểm.*194/200.*"),
                    org.junit.jupiter.params.provider.Arguments.of("an overlap of two bands of 2.1", "02-training.drl",
                            "trainedRate.atLeast(90) )", "trainedRate.atLeast(86) )",
                            "02-training.drl:\\d+:\\d+: tiêu chí 2.1: nhiều quy tắc cùng cho điểm.*172/200.*"),
                    org.junit.jupiter.params.provider.Arguments.of("a reason quoting a fact that does not exist", "02-training.drl",
                            "{internalAuditors} chuyên gia đánh giá nội bộ (≥ 2)", "{internalAuditorz} chuyên gia (≥ 2)",
                            "02-training.drl:\\d+:\\d+: .*\\{internalAuditorz}.*"),
                    org.junit.jupiter.params.provider.Arguments.of("an English reason quoting a fact that does not exist",
                            "02-training.drl", "\"{internalAuditors} internal auditors (≥ 2)\"",
                            "\"{internalAuditorz} internal auditors (≥ 2)\"",
                            "02-training.drl:\\d+:\\d+: lý do tiếng Anh trích \\{internalAuditorz}.*\\(English\\).*"),
                    org.junit.jupiter.params.provider.Arguments.of("maxima that do not add up to 100", "guidance.json",
                            "\"max\": 10,", "\"max\": 11,", "guidance.json:\\d+:\\d+: .*7.*"));
        }

        @ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.MethodSource("breakages")
        void broken(String what, String file, String from, String to, String expected) throws IOException {
            Path dir = edited("broken-" + what.replace(' ', '-'), file, from, to);
            Run run = cli("check", dir.toString());
            assertThat(run.status()).as(run.err()).isEqualTo(1);
            List<String> lines = run.err().lines().toList();
            assertThat(lines).anySatisfy(l -> assertThat(l).matches(expected));
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("LambdaConsequence");
        }
    }

    @Test
    @DisplayName("test fails on the scenario that pins the old value, and says why")
    void testFailsOnOldThreshold() throws IOException {
        Path dir = edited("threshold", "07-dossier-handling.drl", "onTimeRate.atLeast(98) )", "onTimeRate.atLeast(97) )");
        Path both = edited("threshold-both", "07-dossier-handling.drl", "onTimeRate.atLeast(98) )", "onTimeRate.atLeast(97) )");
        Files.writeString(both.resolve("07-dossier-handling.drl"), Files.readString(both.resolve("07-dossier-handling.drl"))
                .replace("onTimeRate.atLeast(95), onTimeRate.below(98)", "onTimeRate.atLeast(95), onTimeRate.below(97)"));
        Run half = cli("test", dir.toString());
        assertThat(half.status()).isEqualTo(1);
        assertThat(half.out()).contains("quy tắc lỗi / defective rules");
        Run run = cli("test", both.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("\"7.1 đúng hạn 9799/10000 → 8\": 7.1: kỳ vọng / expected 8, thực tế / actual 10")
                .contains("rule \"7.1 Tỷ lệ hồ sơ đúng hạn ≥ 98% → 10\"").contains(" failed");
        assertThat(cli("test", copy.toString()).status()).isZero();
    }

    @Test
    @DisplayName("the example of next year's change passes its own scenarios, and diff shows what changes")
    void diff() throws IOException {
        assertThat(cli("test", EXAMPLE_2023.toString()).status()).isZero();
        Run text = cli("diff", "--base", "bac-giang-2022", "--with", EXAMPLE_2023.toString(), EXAMPLE.toString());
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("HUYEN-LG").contains("15.2: 1 → 2").contains("TÓM TẮT / SUMMARY");
        Run json = cli("diff", "--base", "bac-giang-2022", "--with", EXAMPLE_2023.toString(), EXAMPLE.toString(), "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        // HUYEN-LG gains on 15.2 (1 → 2): the district that the 2023 steps of 15.2 favour
        assertThat(root.path("agencies")).isNotEmpty().anySatisfy(a -> {
            assertThat(a.path("agency").asText()).isEqualTo("HUYEN-LG");
            assertThat(a.path("changes")).anySatisfy(c -> {
                assertThat(c.path("criterion").asText()).isEqualTo("15.2");
                assertThat(c.path("with").decimalValue()).isGreaterThan(c.path("base").decimalValue());
            });
        });
        assertThat(root.path("summary").path("agenciesChanged").asInt()).isPositive();
        Run same = cli("diff", "--base", "bac-giang-2022", "--with", copy.toString(), EXAMPLE.toString());
        assertThat(same.out()).contains("no agency changes");
    }

    @Test
    @DisplayName("mutate finds no survivor in a file its scenarios pin, and lists one when a scenario is missing")
    void mutate() throws IOException {
        Run pinned = cli("mutate", copy.toString(), "--file", "12-declaration.drl");
        assertThat(pinned.status()).as(pinned.out() + pinned.err()).isZero();
        assertThat(pinned.out()).contains("0 sống sót / survive");
        Path weak = edited("weak", "scenarios.csv", "12.1 công bố OUTDATED → 2,DEPARTMENT,perfect,declaration=OUTDATED,12.1=2\n", "");
        Run survivors = cli("mutate", weak.toString(), "--file", "12-declaration.drl");
        assertThat(survivors.status()).isEqualTo(1);
        assertThat(survivors.out()).contains("sống sót / survives: 12-declaration.drl:");
    }
}
