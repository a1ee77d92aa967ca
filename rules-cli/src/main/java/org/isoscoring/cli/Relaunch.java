package org.isoscoring.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs the tool in a second JVM that reads the class-data-sharing archive the build made next to the jar
 * ({@code iso-scoring.jsa}, or {@code iso-scoring-rules.jsa} for a command that compiles a rules folder), with the
 * quick JIT compiler only: on two cores the tool then answers in about half the time, even counting this first
 * JVM, which loads nothing but this class (docs/performance.md, decision 51). Java options given before
 * {@code -jar} are passed on, after the ones added here, so they can override them.
 *
 * <p>It only happens for {@code java [options] -jar iso-scoring.jar ...}, when the archive is newer than the jar,
 * when the command line can be passed on unchanged (see {@link #passable}), and never in the second JVM itself; {@code -Disoscoring.relaunch=false} turns it off. If the second JVM cannot
 * be started, the tool runs here, as without an archive.
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
        Thread stop = new Thread(child::destroy, "iso-scoring-relaunch");
        Runtime.getRuntime().addShutdownHook(stop); // killed or interrupted: so is the second JVM
        while (true) {
            try {
                int status = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return OptionalInt.of(status);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.destroy();
            }
        }
    }

    /** The second JVM's command line, or an empty list when the tool is to run in this JVM. */
    static List<String> command(String[] args) {
        Path jar = jar();
        String[] arguments = ProcessHandle.current().info().arguments().orElse(null);
        if (jar == null || arguments == null) {
            return List.of();
        }
        int dashJar = Arrays.asList(arguments).indexOf("-jar");
        if (dashJar < 0 || !passable(arguments)) {
            return List.of();
        }
        List<String> options = Arrays.asList(arguments).subList(0, dashJar);
        if (options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Xshare")
                || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:DumpLoadedClassList"))) {
            return List.of();
        }
        File archive = archive(jar, args).toFile();
        if (!archive.isFile() || archive.lastModified() <= jar.toFile().lastModified()) {
            return List.of();
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                "-Xlog:disable", "-Xlog:all=off"));
        if (options.stream().noneMatch(o -> o.contains("TieredStopAtLevel") || o.contains("TieredCompilation"))) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(options);
        command.add("-D" + PROPERTY + "=child");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
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
