package org.isoscoring.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule folders that loop or reach outside scoring are stopped or refused, with the rules named. */
@DisplayName("Runaway and dangerous rule files")
public class RuleSafetyTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path BUNDLED = ROOT.resolve("rules-drools/src/main/resources/guidances/bac-giang-2022");
    static final ScoringRequest EXAMPLE = Requests.read(ROOT.resolve("docs/examples/bac-giang-2022.json"));

    /** The bundled guidance with one more rule appended to a file. */
    public static Path withRule(Path dir, String file, String rule) throws IOException {
        bundledCopy(dir);
        Path f = dir.resolve(file);
        Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\n" + rule, StandardCharsets.UTF_8);
        return dir;
    }

    /** The bundled guidance's files, copied to {@code dir}. */
    public static Path bundledCopy(Path dir) throws IOException {
        try (var files = Files.list(BUNDLED)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    /**
     * Adds imports to a rule file, after its package line: the engine's own types a rule may match ({@code Award},
     * {@code Catalog}, {@code Tally}), which the bundled files no longer import (decision 53's subtotal is the
     * engine's own rule; {@code Sheet}, {@code Total} and the enums are the guidance's classes, in the rules' package).
     */
    public static void addImports(Path file, String... types) throws IOException {
        StringBuilder imports = new StringBuilder();
        for (String type : types) {
            imports.append("\nimport ").append(type).append(';');
        }
        replaceIn(file, "package iso.rules;", "package iso.rules;" + imports);
    }

    /** Replaces {@code from}, which the file must hold, by {@code to} in a rule file. */
    static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** A rule that re-activates itself forever: each award it sees makes another. */
    public static String awardLoop(String name) {
        return """
                rule "%s"
                when
                    $a : Award( )
                then
                    insert(new Award($a.sheet(), $a.criterion(), $a.points(), $a.rule(), $a.reason(), $a.facts()));
                end
                """.formatted(name);
    }

    @Test
    @DisplayName("a rule that keeps re-activating itself is stopped by the firing budget and named")
    void selfLoop(@TempDir Path dir) throws IOException {
        withRule(dir, "20-subtotal-and-total.drl", awardLoop("Vòng lặp: mỗi điểm thưởng sinh thêm điểm thưởng"));
        addImports(dir.resolve("20-subtotal-and-total.drl"), "org.isoscoring.drools.Award");
        ScoringEngine engine = ScoringEngine.create().withRules(dir);
        long start = System.nanoTime();
        RulesException e = catchThrowableOfType(RulesException.class, () -> engine.evaluate(EXAMPLE));
        assertThat(e.messages()).singleElement().satisfies(m -> assertThat(m)
                .contains("more than the budget").contains("\"Vòng lặp: mỗi điểm thưởng sinh thêm điểm thưởng\""));
        assertThat(System.nanoTime() - start).as("stopped within seconds").isLessThan(60_000_000_000L);
        // the process stays usable
        assertThat(ScoringEngine.create().evaluate(EXAMPLE).assessments()).hasSize(EXAMPLE.assessments().size());
    }

    @Test
    @DisplayName("a rule that loops without end, under a firing budget too large to stop it, is stopped by the time budget and named")
    void timeBudget(@TempDir Path dir) throws IOException {
        withRule(dir, "20-subtotal-and-total.drl", awardLoop("Vòng lặp theo thời gian"));
        addImports(dir.resolve("20-subtotal-and-total.drl"), "org.isoscoring.drools.Award");
        ScoringEngine engine = ScoringEngine.create().withRules(dir);
        String firings = System.getProperty("isoscoring.maxFiringsPerAssessment");
        String seconds = System.getProperty("isoscoring.maxSeconds");
        System.setProperty("isoscoring.maxFiringsPerAssessment", "100000000");
        System.setProperty("isoscoring.maxSeconds", "1");
        try {
            long start = System.nanoTime();
            RulesException e = catchThrowableOfType(RulesException.class, () -> engine.evaluate(EXAMPLE));
            long elapsed = System.nanoTime() - start;
            assertThat(e).isNotNull();
            assertThat(e.messages()).singleElement().satisfies(m -> assertThat(m)
                    .contains("the rules ran longer than 1 s").contains("\"Vòng lặp theo thời gian\""));
            assertThat(elapsed).as("stopped soon after its second").isLessThan(30_000_000_000L);
        } finally {
            restore("isoscoring.maxFiringsPerAssessment", firings);
            restore("isoscoring.maxSeconds", seconds);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    @DisplayName("rules that feed each other are stopped when the folder loads, and named")
    void mutualLoop(@TempDir Path dir) throws IOException {
        withRule(dir, "20-subtotal-and-total.drl", """
                rule "Vòng lặp A"
                when
                    $t : Subtotal( )
                then
                    insert(new Total($t.sheet(), $t.value(), BigDecimal.ZERO));
                end

                rule "Vòng lặp B"
                when
                    $t : Total( )
                then
                    insert(new Subtotal($t.getSheet(), $t.getValue().add(BigDecimal.ONE)));
                end
                """);
        RulesException e = catchThrowableOfType(RulesException.class, () -> ScoringEngine.create().withRules(dir));
        assertThat(e.messages()).anySatisfy(m -> assertThat(m).contains("loop").contains("\"Vòng lặp A\"")
                .contains("\"Vòng lặp B\""));
    }

    @ParameterizedTest(name = "a rule calling {0} is refused with file:line")
    @ValueSource(strings = {"System.exit(1);", "Runtime.getRuntime().exec(\"touch /tmp/isoscoring-x\");",
            "new ProcessBuilder(\"sh\").start();", "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));",
            "new Thread(() -> {}).start();", "Class.forName(\"java.lang.Runtime\");", "while (true) { }",
            "for (int i = 0; i < 10; i++) { }"})
    void dangerous(String statement, @TempDir Path dir) throws IOException {
        withRule(dir, "14-improvement.drl", "rule \"nguy hiểm\"\nwhen\n    $s : Sheet( )\nthen\n    " + statement + "\nend\n");
        List<String> problems = GuidanceTools.create().check(dir).stream().map(Finding::toString).toList();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).matches("14-improvement\\.drl:\\d+:\\d+: .*"));
        assertThat(Path.of("/tmp/isoscoring-x")).doesNotExist();
    }

    @ParameterizedTest(name = "an import of {0} is refused")
    @ValueSource(strings = {"java.io.File", "java.lang.reflect.Method", "org.kie.api.runtime.KieSession"})
    void imports(String type, @TempDir Path dir) throws IOException {
        Path f = withRule(dir, "14-improvement.drl", "").resolve("14-improvement.drl");
        addImports(f, type);
        assertThat(GuidanceTools.create().check(dir)).extracting(Finding::toString).anySatisfy(p -> assertThat(p).contains(type));
    }
}
