package org.isoscoring.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the tests need from outside Maven (Chromium, LibreOffice): {@code $ENV} or its usual path; when neither
 * is there, the project's install script is tried once per JVM, and without the program the calling test is skipped
 * with a message that says how to get it.
 */
final class InstalledProgram {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    private final String env;
    private final String usual;
    private final String script;
    private final String missingMessage;
    private Path found;
    private String missing;

    /**
     * @param env            the variable that may name it ({@code CHROMIUM})
     * @param usual          where Debian puts it ({@code /usr/bin/chromium})
     * @param script         the project's install script ({@code scripts/install-chromium.sh})
     * @param missingMessage what the skip says, before what the install script said
     */
    InstalledProgram(String env, String usual, String script, String missingMessage) {
        this.env = env;
        this.usual = usual;
        this.script = script;
        this.missingMessage = missingMessage;
    }

    /** The program, or the calling test is skipped (aborted) with a clear message. */
    synchronized Path require() {
        if (found == null && missing == null) {
            found = locate();
            if (found == null) {
                String installed = install();
                found = locate();
                if (found == null) {
                    missing = missingMessage + "; the install script said: " + installed;
                }
            }
        }
        Assumptions.assumeTrue(found != null, () -> missing);
        return found;
    }

    private Path locate() {
        String named = System.getenv(env);
        for (String candidate : named == null || named.isBlank() ? List.of(usual) : List.of(named, usual)) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private String install() {
        Path file = ROOT.resolve(script);
        if (!Files.isRegularFile(file)) {
            return file + " is missing";
        }
        try {
            Process p = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "it took more than 10 minutes and was stopped";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return "exit " + p.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            return "could not run it: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
