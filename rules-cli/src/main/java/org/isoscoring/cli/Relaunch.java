package org.isoscoring.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tool in a second JVM that reads the class-data-sharing archive the build made next to the jar
 * ({@code iso-scoring.jsa}, or {@code iso-scoring-rules.jsa} for a command that compiles a rules folder), with the
 * quick JIT compiler only (unless a request file is large, see {@link #large}): on two cores the tool then answers
 * in about half the time, even counting this first JVM, which loads nothing but this class (docs/performance.md,
 * decision 51). Java options given before {@code -jar} are passed on, after the ones added here, so they can
 * override them.
 *
 * <p>It never happens for {@code serve}, which runs for long and must get SIGTERM itself. It only happens for exactly {@code java [options] -jar iso-scoring.jar [arguments]}, when the archive is newer
 * than the jar, when the command line can be passed on unchanged (see {@link #passable}), when no option serves
 * one process only (a debugger, an agent, remote management: see {@link #onePerProcess}), and never in the second
 * JVM itself; {@code -Disoscoring.relaunch=false} turns it off. If the second JVM cannot be started, the tool runs
 * here, as without an archive.
 */
final class Relaunch {

    /** The system property that turns relaunching off ({@code false}); the second JVM has {@code child}. */
    static final String PROPERTY = "isoscoring.relaunch";
    /** The commands that compile a rules folder, whose classes the rules archive holds. */
    private static final Set<String> FOLDER_COMMANDS = Set.of("check", "test", "diff", "mutate");

    private Relaunch() {
    }

    /** The exit status of the tool run in a second JVM, or empty when it is to run in this one. */
    static OptionalInt run(String[] args) {
        String mode = System.getProperty(PROPERTY, "");
        if (mode.equals("false") || mode.equals("child")) {
            return OptionalInt.empty();
        }
        List<String> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread stop = new Thread(() -> { // stopped by Ctrl-C or kill: so is the second JVM
            child.destroy();
            try {
                child.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iso-scoring-relaunch");
        Runtime.getRuntime().addShutdownHook(stop);
        boolean interrupted = false;
        int status;
        while (true) {
            try {
                status = child.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                child.destroy();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook runs, and finds the second JVM ended
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.of(status);
    }

    /** The second JVM's command line, or an empty list when the tool is to run in this JVM. */
    static List<String> command(String[] args) {
        Path jar = jar();
        ProcessHandle.Info self = ProcessHandle.current().info();
        String[] arguments = self.arguments().orElse(null);
        if (jar == null || arguments == null || (args.length > 0 && args[0].equals("serve"))) {
            return List.of(); // a service runs long: one JVM, which SIGTERM reaches, with the optimising compiler
        }
        // the command line is: [Java options] -jar JAR [args]; anything else (java -cp ..., a wrapper) runs here
        int dashJar = arguments.length - args.length - 2;
        if (dashJar < 0 || !arguments[dashJar].equals("-jar") || !sameFile(arguments[dashJar + 1], jar)
                || !Arrays.asList(arguments).subList(dashJar + 2, arguments.length).equals(List.of(args))
                || !passable(arguments)) {
            return List.of();
        }
        List<String> options = Arrays.asList(arguments).subList(0, dashJar);
        if (options.stream().anyMatch(Relaunch::onePerProcess) || ONE_PER_PROCESS_ENVIRONMENT.stream()
                .map(System::getenv).anyMatch(value -> value != null && Arrays.stream(value.split("\\s+"))
                        .anyMatch(Relaunch::onePerProcess))) {
            return List.of();
        }
        File archive = archive(jar, args).toFile();
        if (!archive.isFile() || archive.lastModified() <= jar.toFile().lastModified()) {
            return List.of();
        }
        String java = self.command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                "-Xlog:disable", "-Xlog:all=off"));
        if (options.stream().noneMatch(o -> o.contains("TieredStopAtLevel") || o.contains("TieredCompilation"))
                && !large(args)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(options);
        command.add("-D" + PROPERTY + "=child");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The environment variables whose Java options the second JVM would read again. */
    private static final List<String> ONE_PER_PROCESS_ENVIRONMENT = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    /**
     * Whether a Java option cannot serve two JVMs at once: a debugger, an agent, remote management (each takes a port
     * or watches one process), a flight recording, or a log file without {@code %p} in its name. With one, the
     * tool runs in the JVM it was started in.
     */
    static boolean onePerProcess(String option) {
        return option.startsWith("-agentlib") || option.startsWith("-agentpath") || option.startsWith("-javaagent")
                || option.startsWith("-Xrunjdwp") || option.startsWith("-Xdebug")
                || option.startsWith("-Dcom.sun.management") || option.contains("StartFlightRecording")
                || option.startsWith("-Xlog") && option.contains("file=") && !option.contains("%p");
    }

    /**
     * Whether a request file named on the command line is large (over 32 MB, about 20,000 assessments): the quick
     * JIT compiler alone, which halves a short run and still helps the national request of 12,600 assessments
     * (20 MB), makes a long one slower (50,400 assessments: 18–21 s against 14–15 s), so the second JVM then keeps
     * the full JIT.
     */
    static boolean large(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p) && Files.size(p) > LARGE_REQUEST) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // not a file: an id, a seed, a folder
            }
        }
        return false;
    }

    private static final long LARGE_REQUEST = 32L << 20;

    private static boolean sameFile(String given, Path jar) {
        try {
            return Files.isSameFile(Path.of(given), jar);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a command line reaches a second JVM as it is: always under a UTF-8 locale; under another (LANG=C),
     * only in ASCII, since Java decoded it with the locale and would encode it again with the locale.
     */
    static boolean passable(String[] arguments) {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        if (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")) {
            return true;
        }
        return Arrays.stream(arguments).allMatch(a -> a.chars().allMatch(c -> c < 128));
    }

    /** The archive for these arguments: the rules archive when a folder of rules is compiled. */
    static Path archive(Path jar, String[] args) {
        boolean folder = args.length > 0 && FOLDER_COMMANDS.contains(args[0])
                || Arrays.stream(args).anyMatch(a -> a.equals("--rules") || a.startsWith("--rules="));
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.resolveSibling(name + (folder ? "-rules.jsa" : ".jsa"));
    }

    /** The jar this class was loaded from, or {@code null} when it was not loaded from a jar. */
    private static Path jar() {
        try {
            var source = Relaunch.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
