package org.isoscoring.tests.json;

import org.isoscoring.tests.support.Requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Cli.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7: the problems of a rejected request are in Vietnamese as well as in English, and the command line prints
 * them in its {@code --lang}. One case per kind of message the library writes (its English text as a pattern): the
 * case's bad input must give a problem of that kind, and every problem it gives must have a Vietnamese message that
 * is not the English one and has no English sentence in it.
 */
@DisplayName("Problems of a rejected request in Vietnamese and English (issue 7)")
class ProblemLanguageTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ScoringEngine ENGINE = ScoringEngine.create();
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path BUNDLED = ROOT.resolve("rules-drools/src/main/resources/guidances/bac-giang-2022");

    /**
     * English words of the library's messages that a Vietnamese message must not contain (JSON places such as
     * {@code agencies[3].kind} stay as they are, so their words are not here).
     */
    private static final Pattern ENGLISH = Pattern.compile("\\b(is|not|the|a|an|of|missing|expected|found|must|more|"
            + "than|unknown|agency|district|commune|only|file|cannot|valid|document|limit|"
            + "whole|number|string|date|exists|duplicate|has|no|covers|guidance|bundled|did|you|mean|"
            + "Unexpected|was|expecting|character|token|end-of-input)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    /** The English patterns of the messages that the cases reached, for the count printed at the end. */
    private static final Set<String> REACHED = new LinkedHashSet<>();

    /** A kind of message, the bad input that gives it, and how that input is read. */
    record Case(String english, Supplier<List<Problem>> problems) {
        @Override
        public String toString() {
            return english;
        }
    }

    private static Case json(String english, Consumer<ObjectNode> change) {
        return new Case(english, () -> {
            try {
                ObjectNode root = (ObjectNode) MAPPER.readTree(Requests.write(RejectionTests.valid()));
                change.accept(root);
                return text(MAPPER.writeValueAsString(root));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Case text(String english, String document) {
        return new Case(english, () -> text(document));
    }

    private static List<Problem> text(String document) {
        return rejected(() -> ENGINE.evaluate(Requests.read(document)));
    }

    private static List<Problem> rejected(Runnable reading) {
        RequestRejectedException e = catchThrowableOfType(RequestRejectedException.class, reading::run);
        assertThat(e).as("the input is rejected").isNotNull();
        return e.problems();
    }

    private static ObjectNode facts(ObjectNode root, int assessment) {
        return RejectionTests.facts(root, assessment);
    }

    private static ObjectNode agency(ObjectNode root, int index) {
        return RejectionTests.agency(root, index);
    }

    private static String many(String field, int count) {
        StringBuilder s = new StringBuilder("{\"year\": 2022, \"" + field + "\": [");
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "{}" : ",{}");
        }
        s.append("], \"" + (field.equals("agencies") ? "assessments" : "agencies") + "\": []}");
        return s.toString();
    }

    static Stream<Case> cases() {
        return Stream.of(
                // reading the JSON tree (JsonReader)
                text("the document is empty: a request is a JSON object", "   "),
                text("a request is a JSON object, not .*", "[1, 2]"),
                text("\\d+ agencies, more than the limit of \\d+", many("agencies", ScoringJson.MAX_AGENCIES + 1)),
                text("\\d+ assessments, more than the limit of \\d+",
                        many("assessments", ScoringJson.MAX_ASSESSMENTS + 1)),
                json("unknown field \"[^\"]+\"", r -> r.put("colour", "x")),
                json("unknown field \"[^\"]+\" \\(did you mean \"[^\"]+\"\\?\\)", r -> agency(r, 0).put("nmae", "x")),
                json("expected an object, found .*", r -> r.withArray("agencies").set(0, 3)),
                json("expected an array, found .*", r -> r.putObject("assessments")),
                json("expected a string, found .*", r -> agency(r, 0).put("id", 3)),
                json("missing", r -> r.remove("year")),
                json("must not be null", r -> facts(r, 0).putNull("staffTotal")),
                json("[-0-9.Ee]+ is not a whole number \\(counts are JSON integers such as 3, not 3.0\\)",
                        r -> facts(r, 0).put("staffTotal", 3.5)),
                json("expected a whole number, found .*", r -> facts(r, 0).put("staffTotal", "3")),
                json("\\d+ is out of range \\(a count is 0 to \\d+\\)", r -> facts(r, 0).put("staffTotal", 99999999999L)),
                json("must not be null \\(true or false\\)", r -> facts(r, 0).putNull("qualityPolicyPublished")),
                json("expected true or false, found .*", r -> facts(r, 0).put("qualityPolicyPublished", "yes")),
                json("missing \\(write null if it did not happen\\)", r -> facts(r, 0).remove("internalAuditDate")),
                json("must not be null: a date YYYY-MM-DD", r -> facts(r, 0).putNull("reportDeadline")),
                json("expected a date YYYY-MM-DD, found .*", r -> facts(r, 0).put("reportDeadline", 20221201)),
                json("\"[^\"]*\" is not a date YYYY-MM-DD that exists", r -> facts(r, 0).put("reportDeadline",
                        "2022-02-30")),
                json("missing \\(one of [A-Z_, ]+\\)", r -> facts(r, 0).remove("isoTeam")),
                json("must not be null \\(one of [A-Z_, ]+\\)", r -> agency(r, 0).putNull("kind")),
                json("\"[^\"]*\" is not one of [A-Z_, ]+", r -> agency(r, 3).put("kind", "MINISTRY")),
                // the checks of SCORING.md §7 (RequestChecks)
                json("an agency id must not be empty", r -> agency(r, 4).put("id", " ")),
                json("duplicate agency id \"[^\"]+\" \\(already agencies\\[\\d+]\\)", r -> agency(r, 4).put("id", "S")),
                json("district \"[^\"]+\" has no communes", r -> {
                    ArrayNode agencies = r.withArray("agencies");
                    agencies.addObject().put("id", "H2").put("kind", "DISTRICT").putObject("communeScoring")
                            .put("resultsSentOn", "2022-11-10").put("resultsDeadline", "2022-11-15")
                            .putArray("onSiteCommunes");
                }),
                json("\"[^\"]+\" is not a commune of .*", r -> agency(r, 0).with("communeScoring")
                        .withArray("onSiteCommunes").add("S")),
                json("commune \"[^\"]+\" has no assessment \\(every commune is assessed at least once\\)",
                        r -> r.withArray("assessments").remove(2)),
                json("missing: a commune names its district", r -> agency(r, 1).remove("district")),
                json("unknown agency \"[^\"]+\"", r -> agency(r, 1).put("district", "NOPE")),
                json("\"[^\"]+\" is a [A-Z_]+, not a DISTRICT", r -> agency(r, 1).put("district", "S")),
                json("only a COMMUNE names a district; this is a [A-Z_]+", r -> agency(r, 3).put("district", "H")),
                json("missing: a DISTRICT has a communeScoring", r -> agency(r, 0).remove("communeScoring")),
                json("only a DISTRICT has a communeScoring; this is a [A-Z_]+",
                        r -> agency(r, 3).set("communeScoring", agency(r, 0).get("communeScoring").deepCopy())),
                json("a second [A-Z]+ assessment of \"[^\"]+\" \\(the first is assessments\\[\\d+]\\)",
                        r -> r.withArray("assessments").add(r.withArray("assessments").get(4).deepCopy())),
                json("a DISTRICT assessment is only of a commune; \"[^\"]+\" is a [A-Z_]+",
                        r -> ((ObjectNode) r.withArray("assessments").get(4)).put("assessor", "DISTRICT")),
                json("unknown fact for a DISTRICT \\(the guidance gives it to DEPARTMENT, COMMUNE, PUBLIC_SERVICE_UNIT "
                        + "only\\)",
                        r -> facts(r, 3).put("feedbackReceived", 3)),
                json("-\\d+ is negative; a count is 0 or more", r -> facts(r, 0).put("procedureChanges", -1)),
                json("0 is less than 1, the least staffTotal may be", r -> facts(r, 0).put("staffTotal", 0)
                        .put("staffTrained", 0)),
                json("\\d+ is more than [a-zA-Z]+ \\(\\d+\\)", r -> facts(r, 0).put("staffTrained", 21)),
                json("\\d+ is more than lateDossiers \\(dossiersResolved - dossiersOnTime = \\d+\\)",
                        r -> facts(r, 0).put("lateDossiersWithApology", 11)),
                // the guidance and the year (the engine)
                json("unknown guidance \"[^\"]+\" \\(bundled: .*\\)", r -> r.put("guidance", "ha-noi-2022")),
                json("guidance [a-z0-9-]+ covers [0-9, ]+, not \\d+", r -> r.put("year", 2021)),
                json("no bundled guidance covers \\d+ \\(bundled: .*\\)", r -> {
                    r.remove("guidance");
                    r.put("year", 2023);
                }),
                new Case("guidance [a-z0-9-]+ covers [0-9, ]+, not \\d+ \\(a folder\\)", () -> {
                    ScoringRequest valid = RejectionTests.valid();
                    ScoringRequest other = new ScoringRequest(null, 2021, valid.agencies(), valid.assessments());
                    return rejected(() -> ENGINE.withRules(BUNDLED).evaluate(other));
                }),
                // the document and the file (ScoringJson)
                new Case("the file is not valid UTF-8 text", () -> rejected(() -> Requests.read(
                        new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'})))),
                text("not valid JSON: duplicate key .*", "{\"year\": 2022, \"year\": 2022}"),
                text("not valid JSON: nested deeper than \\d+ levels, the limit \\(a request needs 4\\)",
                        "[".repeat(40) + "]".repeat(40)),
                text("not valid JSON: a text longer than \\d+ characters, the limit",
                        "{\"guidance\": \"" + "x".repeat(ScoringJson.MAX_STRING + 1) + "\"}"),
                text("not valid JSON: a number with more than 100 digits", "{\"year\": " + "9".repeat(1001) + "}"),
                text("not valid JSON: there is more after the request object; a request is one JSON object",
                        "{\"year\": 2022} {}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)", "{\"year\": 2022, \"agencies\": ["),
                text("not valid JSON: .* \\(a message of the JSON parser\\) ", "{year: 2022}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)  ", "{\"year\": 2022,}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)   ", "{\"year\": 2022 \"agencies\": []}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)    ", "{\"year\": 2022 // c\n}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)     ", "{\"year\": tru}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)      ", "{\"guidance\": \"a\u0001\"}"),
                text("not valid JSON: .* \\(a message of the JSON parser\\)       ", "{\"year\": 02022}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("given a bad input of each kind, then every problem has a Vietnamese message without English")
    void everyProblemInVietnamese(Case c) {
        List<Problem> problems = c.problems().get();
        String english = c.english().replaceAll(" \\\\\\(a (message of the JSON parser|folder)\\\\\\) *$", "");
        if (c.english().contains("(a message of the JSON parser)")) {
            english = "not valid JSON: .*";
        }
        Pattern kind = Pattern.compile(english);
        assertThat(problems).as("a problem of this kind").anySatisfy(p -> assertThat(p.message()).matches(kind));
        for (Problem p : problems) {
            assertThat(p.messageVi()).as("the Vietnamese of %s", p).isNotBlank().isNotEqualTo(p.message())
                    .doesNotContainPattern(ENGLISH);
            assertThat(p.message(false)).isEqualTo(p.messageVi());
            assertThat(p.message(true)).isEqualTo(p.message());
            assertThat(p.toString()).isEqualTo(p.toString(true)).endsWith(p.message());
            assertThat(p.toString(false)).endsWith(p.messageVi());
        }
        synchronized (REACHED) {
            REACHED.add(english);
        }
    }

    @AfterAll
    static void count() {
        System.out.println("ProblemLanguageTests: " + REACHED.size() + " kinds of problem message reached");
    }

    @Test
    @DisplayName("given a file that is a folder, missing, or larger than the limit, then the problem is in both "
            + "languages")
    void files(@TempDir Path dir) throws IOException {
        Path large = dir.resolve("large.json");
        try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(ScoringJson.MAX_BYTES + 1); // sparse: nothing is written
        }
        List<Problem> problems = new ArrayList<>();
        for (Path file : List.of(dir, dir.resolve("nope.json"), large)) {
            problems.addAll(rejected(() -> Requests.read(file)));
        }
        assertThat(problems).extracting(Problem::message).containsExactly("is a directory, not a file",
                "no such file, or not readable", "the request is larger than 128 MiB, the limit");
        assertThat(problems).extracting(Problem::messageVi).containsExactly("là một thư mục, không phải tệp",
                "không có tệp này, hoặc không đọc được", "yêu cầu lớn hơn giới hạn 128 MiB");
    }

    @Test
    @DisplayName("given two problems with the same place and English, then they are equal whatever their Vietnamese, "
            + "and a place in a text reads in Vietnamese")
    void equality() {
        Problem expected = new Problem("year", "missing", "");
        assertThat(expected).isEqualTo(new Problem("year", "missing", "thiếu")).hasToString("year: missing");
        assertThat(expected.hashCode()).isEqualTo(new Problem("year", "missing", "thiếu").hashCode());
        assertThat(expected).isNotEqualTo(new Problem("year", "not a number", "thiếu"));
        assertThat(new Problem("line 3, column 7", "not valid JSON: x", "JSON không hợp lệ: x").toString(false))
                .isEqualTo("dòng 3, cột 7: JSON không hợp lệ: x");
    }

    @Nested
    @DisplayName("The command line prints a rejected request's problems in its --lang")
    class CommandLine {

        private Path bad(Path dir) throws IOException {
            Path bad = dir.resolve("bad.json");
            ObjectNode root = (ObjectNode) MAPPER.readTree(Requests.write(RejectionTests.valid()));
            agency(root, 3).put("kind", "MINISTRY");
            facts(root, 0).put("staffTrained", 3.5);
            Files.writeString(bad, MAPPER.writeValueAsString(root), StandardCharsets.UTF_8);
            return bad;
        }

        private static final String KIND_EN = "agencies[3].kind: \"MINISTRY\" is not one of DEPARTMENT, DISTRICT, "
                + "COMMUNE, PUBLIC_SERVICE_UNIT";
        private static final String KIND_VI = "agencies[3].kind: \"MINISTRY\" không phải một trong DEPARTMENT, "
                + "DISTRICT, COMMUNE, PUBLIC_SERVICE_UNIT";

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"evaluate", "sample"})
        @DisplayName("given --lang en, then exit 2 and only the English problems")
        void english(String command, @TempDir Path dir) throws IOException {
            Run run = run(command, "en", bad(dir));
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).hasSize(2).contains(KIND_EN)
                    .contains("assessments[0].facts.staffTrained: 3.5 is not a whole number (counts are JSON "
                            + "integers such as 3, not 3.0)");
            assertThat(run.err()).doesNotContain("không").doesNotContain("\tat ");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"evaluate, --lang vi", "sample, --lang vi", "evaluate, no --lang", "sample, no --lang"})
        @DisplayName("given --lang vi, or no --lang (Vietnamese is the default), then exit 2 and only the Vietnamese "
                + "problems, no English sentence")
        void vietnamese(String command, String option, @TempDir Path dir) throws IOException {
            Run run = run(command, option.equals("--lang vi") ? "vi" : null, bad(dir));
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).hasSize(2).contains(KIND_VI)
                    .contains("assessments[0].facts.staffTrained: 3.5 không phải số nguyên (số lượng viết là số "
                            + "nguyên JSON như 3, không phải 3.0)");
            assertThat(run.err()).doesNotContainPattern(ENGLISH).doesNotContain("\tat ");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"evaluate", "sample"})
        @DisplayName("given --lang both, then exit 2 and each problem on one line, Vietnamese / English")
        void both(String command, @TempDir Path dir) throws IOException {
            Run run = run(command, "both", bad(dir));
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(2).contains(KIND_VI + " / \"MINISTRY\" is not one of DEPARTMENT, "
                    + "DISTRICT, COMMUNE, PUBLIC_SERVICE_UNIT");
        }

        @Test
        @DisplayName("given broken JSON or a missing file with --lang vi, then the place and the message are "
                + "Vietnamese")
        void unreadable(@TempDir Path dir) throws IOException {
            Path broken = dir.resolve("broken.json");
            Files.writeString(broken, "{\"year\": 2022, \"agencies\": [");
            Run run = Cli.run("evaluate", "--lang", "vi", broken.toString());
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).startsWith("dòng 1, cột ").contains("JSON không hợp lệ: tài liệu kết thúc giữa chừng")
                    .doesNotContainPattern(ENGLISH);
            Run missing = Cli.run("sample", "--lang", "vi", "--district", "H", "--seed", "s",
                    dir.resolve("nope.json").toString());
            assertThat(missing.status()).isEqualTo(2);
            assertThat(missing.err()).endsWith("nope.json: không có tệp này, hoặc không đọc được\n");
        }

        @Test
        @DisplayName("given sample --lang with an unknown language, then exit 64 with evaluate's message")
        void unknownLanguage() {
            Run sample = Cli.run("sample", "--lang", "fr", "--district", "H", "--seed", "s", "x.json");
            Run evaluate = Cli.run("evaluate", "--lang", "fr", "x.json");
            assertThat(sample.status()).isEqualTo(64);
            assertThat(sample.err()).startsWith("--lang: \"fr\" is not a language; use vi (Vietnamese, the "
                    + "default), en (English) or both\n").contains("iso-scoring sample --help");
            assertThat(evaluate.err().lines().findFirst()).isEqualTo(sample.err().lines().findFirst());
        }

        private static Run run(String command, String lang, Path file) {
            List<String> args = new ArrayList<>(List.of(command));
            if (lang != null) {
                args.addAll(List.of("--lang", lang));
            }
            if (command.equals("sample")) {
                args.addAll(List.of("--district", "H", "--seed", "s"));
            }
            args.add(file.toString());
            return Cli.run(args.toArray(String[]::new));
        }
    }
}
