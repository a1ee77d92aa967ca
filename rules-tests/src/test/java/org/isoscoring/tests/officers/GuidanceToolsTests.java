package org.isoscoring.tests.officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officers' tools behind their own interface: typed findings, each language from its source. */
@DisplayName("GuidanceTools and Finding")
class GuidanceToolsTests {

    private static final GuidanceTools TOOLS = GuidanceTools.create();

    @Nested
    @DisplayName("a Finding")
    class Findings {

        @Test
        @DisplayName("given a place and two messages, then each language alone, and both as check prints them")
        void lines() {
            // given
            Finding f = new Finding("07-dossier-handling.drl", 42, 17, "lỗi cú pháp: không hiểu 'end' ở đây",
                    "syntax error: unexpected 'end'");
            // then
            assertThat(f.place()).isEqualTo("07-dossier-handling.drl:42:17");
            assertThat(f.message(false)).isEqualTo("lỗi cú pháp: không hiểu 'end' ở đây");
            assertThat(f.message(true)).isEqualTo("syntax error: unexpected 'end'");
            assertThat(f.toString(false)).isEqualTo("07-dossier-handling.drl:42:17: lỗi cú pháp: không hiểu 'end' ở đây");
            assertThat(f.toString(true)).isEqualTo("07-dossier-handling.drl:42:17: syntax error: unexpected 'end'");
            assertThat(f).hasToString("07-dossier-handling.drl:42:17: lỗi cú pháp: không hiểu 'end' ở đây / syntax "
                    + "error: unexpected 'end'");
        }

        @Test
        @DisplayName("given one text for both languages, then it is printed once")
        void oneText() {
            assertThat(new Finding("", 0, 0, "rule \"x\" gives 3 points", "rule \"x\" gives 3 points"))
                    .hasToString(":0:0: rule \"x\" gives 3 points");
        }

        @Test
        @DisplayName("given a null or a negative line or column, then it is refused")
        void validated() {
            assertThatThrownBy(() -> new Finding(null, 1, 1, "a", "b")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Finding("f", 1, 1, null, "b")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Finding("f", 1, 1, "a", null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Finding("f", -1, 1, "a", "b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Finding("f", 1, -1, "a", "b")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("a RulesException")
    class Exceptions {

        @Test
        @DisplayName("given findings, then its lines are what check prints")
        void ofFindings() {
            Finding f = new Finding("guidance.json", 3, 5, "thiếu \"max\"", "missing \"max\"");
            RulesException e = new RulesException("g", List.of(f));
            assertThat(e.findings()).containsExactly(f);
            assertThat(e.messages()).containsExactly("guidance.json:3:5: thiếu \"max\" / missing \"max\"");
            assertThat(e.getMessage()).isEqualTo("the rules of guidance g are defective:\n" + e.messages().get(0));
        }

        @Test
        @DisplayName("given defects found while scoring, then findings without a file and the texts as they are")
        void whileScoring() {
            RulesException e = RulesException.whileScoring("g", List.of("agency A: total was not derived by any rule"));
            assertThat(e.findings()).containsExactly(new Finding("", 0, 0, "agency A: total was not derived by any rule",
                    "agency A: total was not derived by any rule"));
            assertThat(e.messages()).containsExactly("agency A: total was not derived by any rule");
        }
    }

    @Nested
    @DisplayName("the bundled guidances")
    class Bundled {

        @Test
        @DisplayName("when asked, then their ids and the files of each, and an unknown id names the bundled ones")
        void files() {
            assertThat(TOOLS.bundled()).contains("bac-giang-2022", "two-tier-2026-example");
            Map<String, String> files = TOOLS.files("bac-giang-2022");
            assertThat(files).containsKeys("guidance.json", "facts.json", "07-dossier-handling.drl");
            assertThatThrownBy(() -> TOOLS.files("bac-giang-1999")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bac-giang-1999").hasMessageContaining("bac-giang-2022");
        }

        @Test
        @DisplayName("given a copy of one, when checked, then no finding")
        void clean(@TempDir Path dir) throws IOException {
            assertThat(TOOLS.check(copy(dir))).isEmpty();
        }
    }

    @Nested
    @DisplayName("check on a broken folder gives each problem at its file, line and column, in each language")
    class Broken {

        @Test
        @DisplayName("given a syntax error in a .drl, then the file, its place and a syntax error in each language")
        void syntax(@TempDir Path dir) throws IOException {
            Path folder = edited(dir, "07-dossier-handling.drl", "then\n    award(kcontext, $s, \"8\"",
                    "thn\n    award(kcontext, $s, \"8\"");
            List<Finding> findings = TOOLS.check(folder);
            assertThat(findings).isNotEmpty().allSatisfy(f -> {
                assertThat(f.file()).isEqualTo("07-dossier-handling.drl");
                assertThat(f.line()).isPositive();
                assertThat(f.column()).isPositive();
                assertThat(f.messageVi()).startsWith("lỗi cú pháp").doesNotContain("syntax error");
                assertThat(f.messageEn()).startsWith("syntax error").doesNotContain("lỗi cú pháp");
            });
            assertThat(catchThrowableOfType(RulesException.class, () -> ScoringEngine.create().withRules(folder))
                    .findings()).as("withRules refuses the folder with the same findings").isEqualTo(findings);
        }

        @Test
        @DisplayName("given a folder without guidance.json, then the missing descriptor, in each language")
        void missingDescriptor(@TempDir Path dir) throws IOException {
            Path folder = copy(dir);
            Files.delete(folder.resolve("guidance.json"));
            assertThat(TOOLS.check(folder)).contains(new Finding("guidance.json", 0, 0, "thiếu tệp mô tả",
                    "missing: a guidance folder has a descriptor guidance.json"));
        }

        @Test
        @DisplayName("given an award above its maximum, then the line of the award, and the maximum in each language")
        void aboveMaximum(@TempDir Path dir) throws IOException {
            Path folder = edited(dir, "07-dossier-handling.drl", "award(kcontext, $s, \"8\",",
                    "award(kcontext, $s, \"12\",");
            int line = lineOf(folder.resolve("07-dossier-handling.drl"), "award(kcontext, $s, \"12\",");
            assertThat(TOOLS.check(folder)).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("07-dossier-handling.drl");
                // the line of the consequence's "then" or of the award itself, which follows it
                assertThat(f.line()).isBetween(line - 1, line);
                assertThat(f.column()).isEqualTo(1);
                assertThat(f.messageVi()).isEqualTo("cho 12 điểm ở tiêu chí 7.1, tối đa là 10 (điểm là bội số của 0,5, "
                        + "từ 0 đến tối đa)");
                assertThat(f.messageEn()).isEqualTo("gives 12 points to 7.1, whose maximum is 10 (points are multiples "
                        + "of 0.5 from 0 to the maximum)");
            });
        }

        @Test
        @DisplayName("given guidance.json that is not JSON, then its line and column, and the parser's words after a "
                + "Vietnamese lead-in")
        void json(@TempDir Path dir) throws IOException {
            Path folder = edited(dir, "guidance.json", "\"id\": \"bac-giang-2022\"", "\"id\" \"bac-giang-2022\"");
            int line = lineOf(folder.resolve("guidance.json"), "\"id\" \"bac-giang-2022\"");
            List<Finding> findings = TOOLS.check(folder);
            assertThat(findings).filteredOn(f -> f.file().equals("guidance.json")).singleElement().satisfies(f -> {
                assertThat(f.line()).isEqualTo(line);
                assertThat(f.column()).isPositive();
                assertThat(f.messageVi()).startsWith("không phải JSON hợp lệ: ");
                assertThat(f.messageEn()).startsWith("not valid JSON: ");
                assertThat(f.messageVi().substring("không phải JSON hợp lệ: ".length()))
                        .isEqualTo(f.messageEn().substring("not valid JSON: ".length()));
            });
        }
    }

    private static Path copy(Path dir) throws IOException {
        for (Map.Entry<String, String> file : TOOLS.files("bac-giang-2022").entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** A copy of the bundled guidance with the first {@code from} of one file replaced. */
    private static Path edited(Path dir, String file, String from, String to) throws IOException {
        copy(dir);
        Path f = dir.resolve(file);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        return dir;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
