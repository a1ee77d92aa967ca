package org.isoscoring.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the bundled guidances. */
@Command(name = "guidances", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Liệt kê các bộ tiêu chí có sẵn / Lists the bundled guidances.")
final class GuidancesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (GuidanceInfo g : ScoringEngine.create().guidances()) {
            out.println(g.id() + "  (năm " + g.years().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ")  " + g.title());
            g.sources().forEach(s -> out.println("    nguồn: " + s));
        }
        return 0;
    }
}
