package org.isoscoring.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isoscoring.api.ScoringEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs an officer's scenario file against a guidance folder. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Chạy các tình huống kiểm thử / Runs scenario tests against a guidance folder.",
                "For each failure: the case, the expected and actual value, and the rule that fired.",
                "Exit status 1 when a case fails."})
final class TestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The guidance folder.")
    private Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIOS",
            description = "The scenario file (CSV); default: DIR/scenarios.csv.")
    private Path scenarios;

    @Override
    public Integer call() {
        Path file = scenarios != null ? scenarios : dir.resolve("scenarios.csv");
        Scenarios cases = Scenarios.read(file);
        ScoringEngine engine = ScoringEngine.create().withRules(dir);
        List<Scenarios.Outcome> outcomes = cases.run(engine);
        var out = spec.commandLine().getOut();
        out.print(cases.report(outcomes));
        return outcomes.stream().allMatch(Scenarios.Outcome::passed) ? 0 : Main.FAILED;
    }
}
