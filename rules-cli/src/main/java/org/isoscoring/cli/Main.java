package org.isoscoring.cli;

import java.io.PrintWriter;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RulesException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code iso-scoring}: scores ISO 9001 application of Vietnamese state agencies from the command line.
 *
 * <p>Exit status: 0 done; 2 the request is wrong, with one line per problem on standard error (in the command's
 * {@code --lang}, both languages without it); 1 the rules are
 * defective, a check, test or mutation run failed, or something else failed, with a message and no stack trace;
 * 64 the command line is wrong.
 */
@Command(name = "iso-scoring", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Chấm điểm việc áp dụng HTQLCL theo TCVN ISO 9001:2015 / "
                + "Scores how state agencies apply their ISO 9001 quality management system.",
        subcommands = {EvaluateCommand.class, CheckCommand.class, TestCommand.class, DiffCommand.class,
                MutateCommand.class, NewGuidanceCommand.class, SampleCommand.class,
                GuidancesCommand.class, SchemaCommand.class, FormCommand.class, ServeCommand.class,
                GenerateExampleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status of a rejected request. */
    static final int REJECTED = 2;
    /** Exit status of defective rules, a failing check, test or mutation run, or another failure. */
    static final int FAILED = 1;
    /** Exit status of a wrong command line. */
    static final int USAGE = 64;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the tool on the process's standard output and error, in UTF-8, and exits with its status.
     *
     * @param args the command line, for example {@code evaluate request.json}
     */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8), err);
        } catch (Throwable e) { // an Error (out of memory, a broken class) still gets one line, not a stack trace
            err.println("iso-scoring failed: " + e);
            err.flush();
            status = FAILED;
        }
        System.exit(status);
    }

    /**
     * Runs the tool with the given output streams and returns its exit status; it does not exit.
     *
     * @param args the command line
     * @param out  where the results, help and version go
     * @param err  where problems and failures go, one line each
     * @return the exit status: 0 done, 2 the request is rejected, 1 another failure, 64 the command line is wrong
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args1) -> {
            err.println(e.getMessage());
            err.println("Xem / see: iso-scoring " + (e.getCommandLine().getParent() == null ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RequestRejectedException rejected) {
                Lang lang = commandLine.getCommand() instanceof Lang.Chosen chosen ? chosen.language() : Lang.BOTH;
                rejected.problems().forEach(p -> err.println(lang.problem(p)));
                err.flush();
                return REJECTED;
            }
            if (e instanceof Scenarios.ScenarioFileException bad) {
                err.println(bad.getMessage());
                err.flush();
                return FAILED;
            }
            if (e instanceof RulesException broken) {
                err.println("bộ quy tắc bị lỗi / the rules are defective:");
                broken.messages().forEach(m -> err.println("  " + m));
                err.flush();
                return FAILED;
            }
            if (e instanceof java.io.UncheckedIOException io) { // a file could not be written: the message says which and why
                err.println(io.getMessage());
                err.flush();
                return FAILED;
            }
            err.println("iso-scoring failed: " + e);
            if (System.getenv("ISO_SCORING_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"iso-scoring " + (v == null ? "(development build)" : v)};
        }
    }
}
