package org.isoscoring.tests.officers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.cli.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The officers' scenario file of the bundled guidance, one JUnit test per row. */
@DisplayName("The scenarios of bac-giang-2022 (scenarios.csv)")
class ScenarioFileTests {

    static final Path BUNDLED = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
            .resolve("rules-drools/src/main/resources/guidances/bac-giang-2022");

    @TestFactory
    @DisplayName("every row passes against the bundled guidance")
    Stream<DynamicTest> everyRow() {
        Scenarios scenarios = Scenarios.read(BUNDLED.resolve("scenarios.csv"));
        List<Scenarios.Outcome> outcomes = scenarios.run(ScoringEngine.create());
        assertThat(outcomes).hasSizeGreaterThan(150);
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(o.scenario().name(),
                () -> assertThat(o.failures()).as("line %d", o.scenario().line()).isEmpty()));
    }

    @TestFactory
    @DisplayName("every row of the example of next year's change passes against its own folder")
    Stream<DynamicTest> example2023() {
        Path folder = BUNDLED.getParent().getParent().getParent().getParent().getParent().getParent()
                .resolve("docs/examples/guidance-2023-example");
        Scenarios scenarios = Scenarios.read(folder.resolve("scenarios.csv"));
        return scenarios.run(ScoringEngine.create().withRules(folder)).stream().map(o -> DynamicTest.dynamicTest(
                o.scenario().name(), () -> assertThat(o.failures()).as("line %d", o.scenario().line()).isEmpty()));
    }

    @TestFactory
    @DisplayName("every sub-criterion of the catalog is expected by some row")
    Stream<DynamicTest> coverage() {
        Scenarios scenarios = Scenarios.read(BUNDLED.resolve("scenarios.csv"));
        return ScoringEngine.create().guidances().get(0).subCriteria().stream().map(c -> DynamicTest.dynamicTest(c.id(),
                () -> assertThat(scenarios.cases()).anySatisfy(s -> assertThat(s.expect()).containsKey(c.id()))));
    }
}
