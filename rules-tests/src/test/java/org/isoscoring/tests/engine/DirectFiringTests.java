package org.isoscoring.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.cli.Main;
import org.isoscoring.tests.properties.Generators;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.QuickTheory;

/**
 * Rules that match one assessment alone and only give settled awards fire without Drools' network (decision 54).
 * The results must not change with it: the same request scored by an engine built with
 * {@code -Disoscoring.direct=false} (every rule in the network) and by one built without it gives the same JSON,
 * explanations included. The property is read when a guidance is built, so each engine is bound to a folder
 * built at run time.
 */
@DisplayName("Rules fired without the network score as in it")
class DirectFiringTests {

    private static final String SWITCH = "isoscoring.direct";
    private static final String BAND = "7.1 Tỷ lệ hồ sơ đúng hạn ≥ 98% → 10";
    private static final Path EXAMPLE_2023 = RuleSafetyTests.ROOT.resolve("docs/examples/guidance-2023-example");

    /** Builds with {@code -Disoscoring.direct=false} when {@code direct} is false, and restores the property. */
    /** What {@code check} prints of a folder: one line per finding. */
    private static List<String> checked(Path folder) {
        return GuidanceTools.create().check(folder).stream().map(Finding::toString).toList();
    }

    private static <T> T withDirect(boolean direct, Supplier<T> build) {
        String before = System.getProperty(SWITCH);
        try {
            if (direct) {
                System.clearProperty(SWITCH);
            } else {
                System.setProperty(SWITCH, "false");
            }
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(SWITCH);
            } else {
                System.setProperty(SWITCH, before);
            }
        }
    }

    /** An engine bound to {@code folder}, with direct firing on or off. */
    private static ScoringEngine engine(Path folder, boolean direct) {
        return withDirect(direct, () -> ScoringEngine.create().withRules(folder));
    }

    /** A request of {@code iso-scoring generate-example ARGS}. */
    private static ScoringRequest generated(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "generate-example";
        System.arraycopy(args, 0, command, 1, args.length);
        assertThat(Main.run(command, new PrintWriter(out), new PrintWriter(err))).as(err.toString()).isZero();
        return Requests.read(out.toString());
    }

    /**
     * Asserts that two results are the same: assessment by assessment (points, totals, ratings and every
     * explanation with its rule, reasons and facts), agency by agency, district by district, then as JSON.
     *
     * @return the JSON of the result
     */
    private static String assertSameResult(ScoringResult network, ScoringResult direct) {
        assertThat(direct.assessments()).hasSameSizeAs(network.assessments());
        for (int i = 0; i < network.assessments().size(); i++) {
            AssessmentResult expected = network.assessments().get(i);
            AssessmentResult actual = direct.assessments().get(i);
            assertThat(actual.explanations()).as("explanations of assessment %d (%s)", i, expected.agency())
                    .containsExactlyElementsOf(expected.explanations());
            assertThat(actual).as("assessment %d (%s)", i, expected.agency()).isEqualTo(expected);
        }
        assertThat(direct.agencies()).isEqualTo(network.agencies());
        assertThat(direct.groups()).isEqualTo(network.groups());
        String json = ScoringJson.writeResult(network);
        // not isEqualTo: a national result is tens of megabytes, too long for a failure message
        assertThat(ScoringJson.writeResult(direct).equals(json)).as("the same JSON").isTrue();
        return json;
    }

    /** What {@code engine} says of {@code request}: the result's JSON, or the defects it reports. */
    private static String outcome(ScoringEngine engine, ScoringRequest request) {
        try {
            return ScoringJson.writeResult(engine.evaluate(request));
        } catch (RulesException e) {
            return "defects: " + String.join("\n", e.messages());
        }
    }

    @Nested
    @DisplayName("with the bundled rules copied to a folder")
    class Bundled {

        @Test
        @DisplayName("the example province gets the same results, explanations included")
        void exampleProvince(@TempDir Path dir) throws IOException {
            Path folder = RuleSafetyTests.bundledCopy(dir);
            ScoringRequest request = RuleSafetyTests.EXAMPLE;
            String json = assertSameResult(engine(folder, false).evaluate(request),
                    engine(folder, true).evaluate(request));
            assertThat(json).contains("\"rule\": \"" + BAND + "\"").contains("\"reasonEn\": \"")
                    .contains("\"rule\": \"15.2 100% số xã đạt từ 80 điểm trở lên → 3\"");
            // the files are the bundled ones: the same rules hash, and the same results as the precompiled rules
            assertThat(json).isEqualTo(ScoringJson.writeResult(ScoringEngine.create().evaluate(request)));
        }

        @Test
        @DisplayName("a generated request of 200 districts (3,600 assessments, scored on all cores) gets the same results")
        void generatedDistricts(@TempDir Path dir) throws IOException {
            Path folder = RuleSafetyTests.bundledCopy(dir);
            ScoringRequest request = generated("--districts", "200");
            assertThat(request.assessments()).hasSize(200 * 18);
            String json = assertSameResult(engine(folder, false).evaluate(request),
                    engine(folder, true).evaluate(request));
            assertThat(json).contains("\"rule\": \"" + BAND + "\"");
        }

        @Test
        @DisplayName("60 requests of the property tests' generator, which reaches every band, get the same results")
        void generatedProvinces(@TempDir Path dir) throws IOException {
            Path folder = RuleSafetyTests.bundledCopy(dir);
            ScoringEngine network = engine(folder, false);
            ScoringEngine direct = engine(folder, true);
            long seed = Long.getLong("QT_SEED", 54L);
            System.out.println("[" + DirectFiringTests.class.getSimpleName() + ".generatedProvinces] seed " + seed);
            QuickTheory.qt().withFixedSeed(seed).withExamples(60).withShrinkCycles(20).forAll(Generators.requests())
                    .checkAssert(request -> assertSameResult(network.evaluate(request), direct.evaluate(request)));
        }

        @Test
        @DisplayName("`check` finds the same gaps and overlaps in a folder whose band overlaps the next one")
        void checkFindsTheSame(@TempDir Path dir) throws IOException {
            Path folder = RuleSafetyTests.bundledCopy(dir);
            RuleSafetyTests.replaceIn(folder.resolve("07-dossier-handling.drl"),
                    "$s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) )",
                    "$s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(97) )");
            List<String> network = withDirect(false, () -> checked(folder));
            assertThat(network).anySatisfy(f -> assertThat(f).contains("7.1").contains(BAND));
            assertThat(withDirect(true, () -> checked(folder))).isEqualTo(network);
            assertThat(outcome(engine(folder, true), RuleSafetyTests.EXAMPLE))
                    .isEqualTo(outcome(engine(folder, false), RuleSafetyTests.EXAMPLE));
        }

        @ParameterizedTest(name = "a band whose {0} fails is reported the same by `check` and `evaluate`, direct or not")
        @CsvSource(delimiter = '|', textBlock = """
                constraint | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) | $s : Sheet( dossiersResolved > 0, dossiersOnTime / (lateDossiers - lateDossiers) >= 0, onTimeRate.atLeast(98) )
                consequence | "{dossiersOnTime}/{dossiersResolved} dossiers resolved on time: {onTimeRate} ≥ 98%" | "{dossiersOnTime}/{dossiersResolved} dossiers resolved on time: {onTimeRate} ≥ 98%, {onSite} communes"
                """)
        void failingBand(String what, String from, String to, @TempDir Path dir) throws IOException {
            // given a band whose constraint divides by zero, or whose English reason quotes a name that is no fact
            Path folder = RuleSafetyTests.bundledCopy(dir);
            RuleSafetyTests.replaceIn(folder.resolve("07-dossier-handling.drl"), from, to);
            List<String> network = withDirect(false, () -> checked(folder));
            assertThat(network).anySatisfy(f -> assertThat(f).contains("failed"));
            assertThat(withDirect(true, () -> checked(folder))).isEqualTo(network);
            String evaluated = outcome(engine(folder, false), RuleSafetyTests.EXAMPLE);
            assertThat(evaluated).startsWith("defects: ");
            assertThat(outcome(engine(folder, true), RuleSafetyTests.EXAMPLE)).isEqualTo(evaluated);
        }
    }

    @Test
    @DisplayName("with the 2023 example folder, the example province gets the same results")
    void guidance2023() {
        ScoringRequest request = RuleSafetyTests.EXAMPLE;
        String json = assertSameResult(engine(EXAMPLE_2023, false).evaluate(request),
                engine(EXAMPLE_2023, true).evaluate(request));
        assertThat(json).contains("\"explanations\": [");
    }
}
