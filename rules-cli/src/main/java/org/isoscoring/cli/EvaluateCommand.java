package org.isoscoring.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Scores a request file and prints a summary, the JSON result, or one agency's score sheet. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Chấm điểm một yêu cầu (JSON) / Scores a request (FORMAT.md JSON).",
                "Prints every agency ranked with its total and rating, then one line per district.",
                "A rejected request: exit status 2, one line per problem on standard error."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "REQUEST", description = "The request, a JSON file (FORMAT.md).")
    private Path request;

    @Option(names = "--json", description = "Print the result as FORMAT.md JSON instead of the summary.")
    private boolean json;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Score with the guidance in this folder instead of the bundled one (see new-guidance).")
    private Path rules;

    @Option(names = "--explain", paramLabel = "AGENCY",
            description = "Print the score sheet of this agency, criterion by criterion, with reasons.")
    private String explain;

    @Override
    public Integer call() {
        if (json && explain != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json and --explain cannot be combined");
        }
        ScoringRequest parsed = ScoringJson.readRequest(request);
        if (explain != null && parsed.agencies().stream().noneMatch(a -> a.id().equals(explain))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--explain: no agency \"" + explain + "\" in " + request);
        }
        ScoringEngine engine = rules == null ? ScoringEngine.create() : ScoringEngine.create().withRules(rules);
        ScoringResult result = engine.evaluate(parsed);
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(ScoringJson.writeResult(result));
        } else {
            var guidance = engine.guidances().stream().filter(g -> g.id().equals(result.guidance())).findFirst()
                    .orElseThrow();
            Report report = new Report(parsed, result, guidance);
            if (explain != null) {
                out.print(report.scoreSheets(explain));
            } else {
                out.print(report.summary());
            }
        }
        out.flush();
        return 0;
    }
}
