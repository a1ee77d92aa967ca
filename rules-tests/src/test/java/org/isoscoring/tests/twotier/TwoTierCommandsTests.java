package org.isoscoring.tests.twotier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.cli.Scenarios;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command with the bundled guidance {@code two-tier-2026-example} (an illustration, not an official guidance):
 * no district anywhere, the province's sample drawn over all the request's communes, and the bad requests of
 * SCORING-TWO-TIER-2026.md §6 refused with their place.
 */
@DisplayName("Every command works with two-tier-2026-example, without districts")
class TwoTierCommandsTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path FOLDER = ROOT.resolve("rules-drools/src/main/resources/guidances/two-tier-2026-example");
    static final Path EXAMPLE = ROOT.resolve("docs/examples/two-tier-2026.json");
    static final Path SMALL = ROOT.resolve("docs/examples/two-tier-2026-small.json");
    static final String SEED = "2026-11-02 ví dụ minh hoạ / illustration";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Nested
    @DisplayName("the officers' scenarios (scenarios.csv)")
    class ScenarioFile {

        @TestFactory
        @DisplayName("every row passes against the bundled guidance")
        Stream<DynamicTest> everyRow() {
            Scenarios scenarios = Scenarios.read(FOLDER.resolve("scenarios.csv"));
            List<Scenarios.Outcome> outcomes = scenarios.run(ScoringEngine.create().withRules(FOLDER));
            assertThat(outcomes).hasSizeGreaterThan(200);
            return outcomes.stream().map(o -> DynamicTest.dynamicTest(o.scenario().name(),
                    () -> assertThat(o.failures()).as("line %d", o.scenario().line()).isEmpty()));
        }

        @Test
        @DisplayName("every sub-criterion of the catalog is expected by some row, and the rows name the 10% edges "
                + "of a commune and of a department")
        void coverage() {
            Scenarios scenarios = Scenarios.read(FOLDER.resolve("scenarios.csv"));
            GuidanceInfo guidance = guidance();
            assertThat(guidance.subCriteria()).allSatisfy(c -> assertThat(scenarios.cases())
                    .as(c.id()).anySatisfy(s -> assertThat(s.expect()).containsKey(c.id())));
            String text = scenarios.cases().stream().map(Scenarios.Case::name).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).containsIgnoringCase("10%").containsIgnoringCase("xã").containsIgnoringCase("sở");
        }

        @Test
        @DisplayName("given the bundled folder, when test runs it, then it passes with exit 0; check finds nothing")
        void testAndCheck() {
            Run test = Cli.run("test", FOLDER.toString());
            assertThat(test.status()).as(test.err()).isZero();
            Run check = Cli.run("check", FOLDER.toString());
            assertThat(check.status()).as(check.out() + check.err()).isZero();
        }

        @Test
        @DisplayName("given the penalty's rule file, when mutate runs, then no mutant survives")
        void mutate() {
            Run run = Cli.run("mutate", FOLDER.toString(), "--file", "22-over-scoring-penalty.drl");
            assertThat(run.status()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(" 0 sống sót / survive").doesNotContain("sống sót / survives:");
        }

        @Test
        @DisplayName("given new-guidance from the two-tier guidance, then the copy passes check and its scenarios")
        void newGuidance(@TempDir Path dir) {
            Path copy = dir.resolve("tt-2027");
            Run made = Cli.run("new-guidance", "--from", "two-tier-2026-example", "--to", copy.toString());
            assertThat(made.status()).as(made.err()).isZero();
            assertThat(copy.resolve("24-province-sampling.drl")).exists();
            assertThat(copy.resolve("15-district-guidance-of-communes.drl")).doesNotExist();
            assertThat(Cli.run("check", copy.toString()).status()).isZero();
            assertThat(Cli.run("test", copy.toString()).status()).isZero();
        }
    }

    @Nested
    @DisplayName("evaluate")
    class Evaluate {

        @Test
        @DisplayName("given the example, when scored as text, then the summary shows the province and no district")
        void summary() {
            Run run = Cli.run("evaluate", EXAMPLE.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().lines().findFirst().orElseThrow())
                    .startsWith("Bộ tiêu chí two-tier-2026-example (VÍ DỤ MINH HOẠ, không phải hướng dẫn chính thức) · ");
            assertThat(run.out()).contains("TOÀN TỈNH")
                    .contains("số đơn vị cấp xã: 99").contains("mẫu tỉnh thẩm định (20%): 20")
                    .contains("SO-XD (SELF 96 / PROVINCE 77.5 − 3 → 74.5)")
                    .doesNotContainIgnoringCase("huyện").doesNotContain("DISTRICT");
            Run english = Cli.run("evaluate", EXAMPLE.toString(), "--lang", "en");
            assertThat(english.out()).contains("guidance two-tier-2026-example (ILLUSTRATION, not an official guidance)")
                    .contains("THE PROVINCE").contains("commune-level units: 99")
                    .doesNotContainIgnoringCase("district");
        }

        @Test
        @DisplayName("given the example, when scored as JSON, then the result is the library's and has no district "
                + "report")
        void json() throws IOException {
            Run run = Cli.run("evaluate", EXAMPLE.toString(), "--json");
            assertThat(run.status()).as(run.err()).isZero();
            ScoringEngine engine = ScoringEngine.create();
            assertThat(run.out()).isEqualTo(ScoringJson.writeResult(engine.evaluate(ScoringJson.readRequest(EXAMPLE,
                    engine))));
            JsonNode result = MAPPER.readTree(run.out());
            List<String> fields = new ArrayList<>();
            result.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("guidance", "year", "rulesHash", "assessments", "agencies", "province");
            assertThat(run.out()).doesNotContain("district");
        }

        @Test
        @DisplayName("given an over-scored commune, when explained, then its PROVINCE sheet shows the 3-point penalty "
                + "and its SELF sheet none")
        void explain() {
            ScoringResult result = Requests.ENGINE.evaluate(Requests.read(SMALL));
            AssessmentResult province = result.assessment("XA-02", "PROVINCE").orElseThrow();
            assertThat(province.penalty()).isEqualByComparingTo("3");
            assertThat(result.assessment("XA-02", "SELF").orElseThrow().penalty()).isEqualByComparingTo("0");
            Run run = Cli.run("evaluate", SMALL.toString(), "--explain", "XA-02");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("XA-02").contains("7.3").contains("14.2")
                    .contains("trừ điểm: 3 (cơ quan tự chấm cao quá 10%: SELF 88.5 / PROVINCE 80 − 3 → 77) · tổng: 77")
                    .contains("Điểm các tiêu chí: 88.5 · trừ điểm: 0 · tổng: 88.5");
        }
    }

    @Nested
    @DisplayName("bad two-tier requests (SCORING-TWO-TIER-2026.md §6)")
    class BadRequests {

        @ParameterizedTest(name = "{0}: exit 2, nothing on standard output, {1} named")
        @CsvSource(delimiter = '|', value = {
                "a DISTRICT agency         | agencies[0].kind                          | DISTRICT",
                "a DISTRICT assessor       | assessments[0].assessor                   | DISTRICT",
                "a district field          | agencies[3].district                      | district",
                "a communeScoring field    | agencies[3].communeScoring                | communeScoring",
                "a missing added fact      | assessments[0].facts.dossiersReceivedOnline | thiếu",
                "the removed fact          | assessments[0].facts.electronicDocuments  | electronicDocuments",
                "online above received     | assessments[0].facts.dossiersReceivedOnline | dossiersReceived",
                "the year 2022             | year                                      | 2022"})
        void refused(String mistake, String place, String named, @TempDir Path dir) throws IOException {
            ObjectNode request = (ObjectNode) MAPPER.readTree(SMALL.toFile());
            mistakes(mistake).accept(request);
            Path file = dir.resolve("bad.json");
            Files.writeString(file, MAPPER.writeValueAsString(request), StandardCharsets.UTF_8);

            Run run = Cli.run("evaluate", file.toString(), "--json");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).anySatisfy(line -> assertThat(line).startsWith(place + ":").contains(named));
        }

        private Consumer<ObjectNode> mistakes(String mistake) {
            return switch (mistake) {
                case "a DISTRICT agency" -> r -> ((ObjectNode) r.get("agencies").get(0)).put("kind", "DISTRICT");
                case "a DISTRICT assessor" -> r -> ((ObjectNode) r.get("assessments").get(0)).put("assessor", "DISTRICT");
                case "a district field" -> r -> ((ObjectNode) r.get("agencies").get(3)).put("district", "HUYEN-X");
                case "a communeScoring field" -> r -> ((ObjectNode) r.get("agencies").get(3)).putObject("communeScoring");
                case "a missing added fact" -> r -> facts(r).remove("dossiersReceivedOnline");
                case "the removed fact" -> r -> facts(r).put("electronicDocuments", true);
                case "online above received" -> r -> facts(r).put("dossiersReceivedOnline",
                        facts(r).get("dossiersReceived").asInt() + 1);
                case "the year 2022" -> r -> r.put("year", 2022);
                default -> throw new IllegalArgumentException(mistake);
            };
        }

        private ObjectNode facts(ObjectNode request) {
            return (ObjectNode) request.get("assessments").get(0).get("facts");
        }
    }

    @Nested
    @DisplayName("sample, without districts")
    class Sample {

        @Test
        @DisplayName("given no --district, when the province draws, then it draws 20 of all 99 communes, exactly "
                + "the communes the example appraises")
        void province() throws IOException {
            Run run = Cli.run("sample", "--seed", SEED, "--json", EXAMPLE.toString());
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode draw = MAPPER.readTree(run.out());
            assertThat(draw.get("group").asText()).isEqualTo("province");
            assertThat(draw.get("kind").asText()).isEqualTo("COMMUNE");
            assertThat(draw.has("district")).isFalse();
            assertThat(draw.get("draws")).hasSize(1);
            JsonNode province = draw.get("draws").get(0);
            assertThat(province.get("purpose").asText()).isEqualTo("province");
            assertThat(province.get("communes").asInt()).isEqualTo(99);
            assertThat(province.get("size").asInt()).isEqualTo(20);
            List<String> chosen = new ArrayList<>();
            province.get("chosen").forEach(c -> chosen.add(c.asText()));
            var request = Requests.read(EXAMPLE);
            List<String> appraised = request.assessments().stream()
                    .filter(a -> a.assessor().equals("PROVINCE") && (a.agency().startsWith("XA-")
                            || a.agency().startsWith("PH-"))).map(a -> a.agency()).toList();
            assertThat(chosen).containsExactlyInAnyOrderElementsOf(appraised);
            assertThat(chosen).containsExactlyElementsOf(org.isoscoring.api.Sampling.draw(
                    org.isoscoring.api.Sampling.Purpose.PROVINCE, org.isoscoring.api.Sampling.seed(SEED),
                    org.isoscoring.api.Sampling.ofKind(request, "COMMUNE"), 20));
        }

        @Test
        @DisplayName("given the text output, then every commune is listed with its key and the chosen ones marked")
        void text() {
            Run run = Cli.run("sample", "--seed", SEED, EXAMPLE.toString(), "--lang", "en");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("PROVINCE APPRAISAL").contains("n = 99 communes")
                    .contains("k = provinceSampleSize = 20").doesNotContain("DISTRICT ON SITE");
            assertThat(run.out().lines().filter(l -> l.startsWith("  * "))).hasSize(20);
        }

        @Test
        @DisplayName("given a copy whose province group declares no sampleOf, when sampled without --district, then "
                + "exit 64 and it says the guidance declares no sample")
        void noSampleDeclared(@TempDir Path dir) throws IOException {
            Path copy = dir.resolve("tt-no-sample");
            assertThat(Cli.run("new-guidance", "--from", "two-tier-2026-example", "--to", copy.toString()).status())
                    .isZero();
            Path descriptor = copy.resolve("guidance.json");
            String text = Files.readString(descriptor);
            assertThat(text).contains("\"sampleOf\": \"COMMUNE\", ");
            Files.writeString(descriptor, text.replace("\"sampleOf\": \"COMMUNE\", ", ""));

            Run run = Cli.run("sample", "--seed", SEED, "--rules", copy.toString(), "--lang", "en", SMALL.toString());

            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("the guidance declares no sample").contains("sampleOf");
        }

        @ParameterizedTest(name = "{0}: exit 64, {2}")
        @CsvSource(delimiter = '|', value = {
                "--purpose district on two-tier | two-tier | onSiteRequired",
                "--district on two-tier         | two-tier | --district: the guidance has no districts; leave out the district",
                "no --district on bac-giang     | bac-giang | --district: a district is needed"})
        void refused(String call, String guidance, String says) {
            Path request = guidance.equals("two-tier") ? EXAMPLE : ROOT.resolve("docs/examples/bac-giang-2022.json");
            List<String> args = new ArrayList<>(List.of("sample", "--seed", SEED, "--lang", "en", request.toString()));
            if (call.startsWith("--purpose")) {
                args.addAll(List.of("--purpose", "district"));
            } else if (call.startsWith("--district")) {
                args.addAll(List.of("--district", "XA-01"));
            }
            Run run = Cli.run(args.toArray(String[]::new));
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(says);
        }
    }

    @Nested
    @DisplayName("diff and schema")
    class DiffAndSchema {

        @Test
        @DisplayName("given guidances whose facts differ, when diff runs, then exit 2 and the problems say what "
                + "differs, in both languages")
        void vocabulariesDiffer() {
            Run run = Cli.run("diff", "--base", "bac-giang-2022", "--with", "two-tier-2026-example",
                    ROOT.resolve("docs/examples/bac-giang-2022.json").toString());
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("do not declare the same vocabulary").contains("không cùng bộ dữ kiện")
                    .contains("facts only in bac-giang-2022: electronicDocuments")
                    .contains("facts only in two-tier-2026-example: dossiersReceived, dossiersReceivedOnline, "
                            + "electronicIso")
                    .contains("kinds of agency only in bac-giang-2022: DISTRICT")
                    .contains("assessors only in bac-giang-2022: DISTRICT").contains("electronicIso (judgement)");
            Run english = Cli.run("diff", "--base", "two-tier-2026-example", "--with", "bac-giang-2022", "--lang", "en",
                    SMALL.toString());
            assertThat(english.status()).isEqualTo(2);
            assertThat(english.err()).contains("facts only in two-tier-2026-example: dossiersReceived")
                    .doesNotContain("không cùng");
        }

        @Test
        @DisplayName("given a copy of the two-tier guidance with 7.3's upper threshold at 90%, when diff runs, then "
                + "the agencies whose 7.3 falls are listed")
        void sameVocabulary(@TempDir Path dir) throws IOException {
            Path copy = dir.resolve("tt-2027");
            assertThat(Cli.run("new-guidance", "--from", "two-tier-2026-example", "--to", copy.toString()).status())
                    .isZero();
            Path rules = copy.resolve("07-dossier-handling.drl");
            String drl = Files.readString(rules);
            assertThat(drl).contains("onlineRate.atLeast(80)").contains("onlineRate.below(80)");
            Files.writeString(rules, drl.replace("onlineRate.atLeast(80)", "onlineRate.atLeast(90)")
                    .replace("onlineRate.below(80)", "onlineRate.below(90)"));

            Run run = Cli.run("diff", "--base", "two-tier-2026-example", "--with", copy.toString(), EXAMPLE.toString(),
                    "--json");

            assertThat(run.status()).as(run.err()).isZero();
            JsonNode diff = MAPPER.readTree(run.out());
            assertThat(diff.get("agencies").size()).isPositive();
            diff.get("agencies").forEach(a -> assertThat(a.get("changes").findValuesAsText("criterion"))
                    .contains("7.3"));
        }

        @Test
        @DisplayName("given the two-tier guidance, when its schema is printed, then it knows no district")
        void schema() {
            Run run = Cli.run("schema", "two-tier-2026-example");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("dossiersReceivedOnline").contains("electronicIso")
                    .doesNotContain("electronicDocuments").doesNotContain("DISTRICT").doesNotContain("communeScoring");
        }
    }

    private static GuidanceInfo guidance() {
        return ScoringEngine.create().guidances().stream().filter(g -> g.id().equals("two-tier-2026-example"))
                .findFirst().orElseThrow();
    }
}
