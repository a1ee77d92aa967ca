package org.isoscoring.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.RequestSchema;
import org.isoscoring.api.ScoringEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the JSON Schema of a request for a guidance, made from what the guidance declares. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"In JSON Schema của yêu cầu chấm điểm theo một bộ tiêu chí / Prints the JSON Schema (draft "
                + "2020-12) of a request for a guidance.",
                "Made from the guidance's declarations (facts.json, guidance.json): a provincial system validates its"
                        + " requests with it before sending them. The checks that relate values to each other "
                        + "(SCORING.md §7) stay the library's.",
                "A defective folder: exit status 1 with its problems; an unknown id: exit status 64."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "GUIDANCE", description = "A bundled guidance id (see guidances) or a guidance folder.")
    private String guidance;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(RequestSchema.of(info()));
        return 0;
    }

    private GuidanceInfo info() {
        Path folder = folder();
        if (folder != null && Files.isDirectory(folder)) {
            return ScoringEngine.create().withRules(folder).guidances().get(0);
        }
        List<GuidanceInfo> bundled = ScoringEngine.create().guidances();
        String ids = bundled.stream().map(GuidanceInfo::id).collect(Collectors.joining(", "));
        return bundled.stream().filter(g -> g.id().equals(guidance)).findFirst().orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "\"" + guidance + "\" không phải thư mục hay"
                        + " bộ tiêu chí có sẵn / is neither a guidance folder nor a bundled guidance"
                        + " (có sẵn / bundled: " + ids + ")"));
    }

    private Path folder() {
        try {
            return Path.of(guidance);
        } catch (InvalidPathException e) {
            return null; // not a path on this system: only a bundled id can be meant
        }
    }
}
