package org.isoscoring.tests.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.isoscoring.cli.Main;

/** Runs the command-line tool in this JVM and keeps what it printed. */
public final class Cli {

    /** What one run printed and returned. */
    public record Run(int status, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }
}
