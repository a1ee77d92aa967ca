package org.isoscoring.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.ScoringEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Validates a guidance folder. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Kiểm tra một thư mục bộ tiêu chí / Checks a guidance folder.",
                "One line per problem, file:line:column: message; exit status 1 when there is any."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The guidance folder: guidance.json and its .drl files.")
    private Path dir;

    @Override
    public Integer call() {
        List<Finding> problems = GuidanceTools.create().check(dir);
        if (problems.isEmpty()) {
            GuidanceInfo info = ScoringEngine.create().withRules(dir).guidances().get(0);
            spec.commandLine().getOut().println("OK: " + dir + " — " + info.id() + ", " + info.subCriteria().size()
                    + " tiêu chí thành phần / sub-criteria, không có lỗi / no problem");
            return 0;
        }
        var err = spec.commandLine().getErr();
        problems.forEach(err::println); // both languages, as officers and their scripts read it: file:line:column: vi / en
        err.println(problems.size() + " lỗi / problem" + (problems.size() == 1 ? "" : "s"));
        return Main.FAILED;
    }
}
