package org.isoscoring.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.isoscoring.tests.support.Cli.Run;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar iso-scoring.jar} runs the tool in a second JVM that reads the class-data-sharing archive the
 * build made next to the jar (decision 51). Which JVMs ran, and where their classes came from, is read from the
 * JVMs' own class-loading logs: one file per process ({@code %p}), written because the Java options given before
 * {@code -jar} are passed on to the second JVM.
 */
@DisplayName("java -jar with the build's class-data-sharing archive")
class RelaunchTests {

    private static final Path JAR = Path.of(System.getProperty("cli.jar",
            CliTests.ROOT.resolve("rules-cli/target/iso-scoring.jar").toString()));

    /** A run of the jar, and the class-loading log of each JVM it started. */
    private record Traced(Run run, List<String> logs) {
    }

    private static Traced java(Path jar, Path logs, List<String> options, String... args)
            throws IOException, InterruptedException {
        return java(jar, logs, options, false, args);
    }

    private static Traced java(Path jar, Path logs, List<String> options, boolean asciiLocale, String... args)
            throws IOException, InterruptedException {
        assertThat(jar).as("the CLI jar is built before the tests (mvn verify builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + logs.resolve("load-%p.log")));
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (asciiLocale) {
            builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
            builder.environment().put("LC_ALL", "C");
        }
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        return new Traced(new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8)), texts);
    }

    private static boolean scoredFromArchive(String log) {
        return log.lines().anyMatch(l -> l.contains("org.isoscoring.cli.EvaluateCommand")
                && l.contains("source: shared objects file"));
    }

    private static boolean scored(String log) {
        return log.contains("org.isoscoring.cli.EvaluateCommand");
    }

    @Nested
    @DisplayName("with the jar where the build left it")
    class Built {

        @org.junit.jupiter.api.BeforeEach
        void archives() {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(JAR.resolveSibling("iso-scoring.jsa"))
                    && Files.exists(JAR.resolveSibling("iso-scoring-rules.jsa")),
                    "the jar was built without its archives (-Disoscoring.cds.skip=true)");
        }

        @Test
        @DisplayName("the tool runs in a second JVM, which loads its classes from the archive")
        void relaunches(@TempDir Path logs) throws Exception {
            assertThat(JAR.resolveSibling("iso-scoring.jsa")).as("mvn package makes the archive").exists();

            Traced traced = java(JAR, logs, List.of(), "evaluate", CliTests.EXAMPLE.toString());

            assertThat(traced.run().status()).isZero();
            assertThat(traced.run().out()).contains("HUYEN-YD");
            assertThat(traced.logs()).hasSize(2);
            assertThat(traced.logs()).filteredOn(RelaunchTests::scored).singleElement()
                    .matches(RelaunchTests::scoredFromArchive, "loaded EvaluateCommand from the archive");
        }

        @Test
        @DisplayName("a folder of rules is compiled in a JVM that reads the rules archive")
        void folderArchive(@TempDir Path logs) throws Exception {
            Path folder = CliTests.ROOT.resolve("rules-drools/src/main/resources/guidances/bac-giang-2022");

            Traced traced = java(JAR, logs, List.of(), "evaluate", "--rules", folder.toString(),
                    CliTests.EXAMPLE.toString());

            assertThat(traced.run().status()).isZero();
            assertThat(traced.logs()).hasSize(2).anyMatch(l -> l.lines().anyMatch(line ->
                    line.contains("org.drools.model.codegen") && line.contains("source: shared objects file")));
        }

        @Test
        @DisplayName("a rejected request gives the same exit status and messages through the second JVM")
        void rejected(@TempDir Path dir) throws Exception {
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, "{\"year\": 2022}");
            Path logs = Files.createDirectory(dir.resolve("logs"));
            Path once = Files.createDirectory(dir.resolve("once"));

            Traced twice = java(JAR, logs, List.of(), "evaluate", bad.toString());
            Traced here = java(JAR, once, List.of("-Disoscoring.relaunch=false"), "evaluate", bad.toString());

            assertThat(twice.logs()).hasSize(2);
            assertThat(here.logs()).hasSize(1);
            assertThat(twice.run()).isEqualTo(here.run());
            assertThat(twice.run().status()).isEqualTo(2);
        }

        @Test
        @DisplayName("under LANG=C, a command line with Vietnamese letters is not passed on (Java would mangle it)")
        void asciiLocale(@TempDir Path dir) throws Exception {
            Path ascii = Files.createDirectory(dir.resolve("ascii"));
            Path vietnamese = Files.createDirectory(dir.resolve("vietnamese"));

            Traced plain = java(JAR, ascii, List.of(), true, "guidances");
            Traced accented = java(JAR, vietnamese, List.of(), true, "sample", "--district", "HUYEN-YD", "--seed",
                    "Biên bản họp", CliTests.EXAMPLE.toString());

            assertThat(plain.logs()).hasSize(2);
            assertThat(accented.logs()).hasSize(1);
            assertThat(accented.run().err()).contains("U+FFFD");
        }

        @Test
        @DisplayName("an option that serves one process only (here a flight recording) keeps the tool in one JVM")
        void onePerProcess(@TempDir Path dir) throws Exception {
            Path logs = Files.createDirectory(dir.resolve("logs"));

            Traced traced = java(JAR, logs, List.of("-XX:StartFlightRecording:filename=" + dir.resolve("run.jfr")),
                    "guidances");

            assertThat(traced.run().status()).isZero();
            assertThat(traced.logs()).hasSize(1);
        }

        @Test
        @DisplayName("java -cp … Main runs in one JVM, even when \"-jar\" is only an argument's value")
        void classPath(@TempDir Path dir) throws Exception {
            Path logs = Files.createDirectory(dir.resolve("logs"));
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + logs.resolve("load-%p.log"), "-cp", JAR.toString(),
                    "org.isoscoring.cli.Main", "sample", "--district", "HUYEN-YD", "--seed", "-jar",
                    CliTests.EXAMPLE.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(out).isZero();
            try (Stream<Path> files = Files.list(logs)) {
                assertThat(files).hasSize(1);
            }
        }

        @Test
        @DisplayName("-Disoscoring.relaunch=false runs the tool in the JVM it was started in")
        void switchedOff(@TempDir Path logs) throws Exception {
            Traced traced = java(JAR, logs, List.of("-Disoscoring.relaunch=false"), "evaluate",
                    CliTests.EXAMPLE.toString());

            assertThat(traced.run().status()).isZero();
            assertThat(traced.logs()).singleElement().matches(RelaunchTests::scored, "scored here")
                    .matches(l -> !scoredFromArchive(l), "without the archive");
        }
    }

    @Nested
    @DisplayName("with a copy of the jar elsewhere")
    class Copied {

        /** The jar copied into {@code dir}, with the build's archive beside it, made {@code age} ms older than the jar. */
        private Path withArchive(Path dir, long age) throws IOException {
            Path jar = Files.copy(JAR, dir.resolve("iso-scoring.jar"));
            Path archive = Files.copy(JAR.resolveSibling("iso-scoring.jsa"), dir.resolve("iso-scoring.jsa"));
            Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - age));
            return jar;
        }

        @Test
        @DisplayName("without an archive beside it, the tool runs in one JVM")
        void noArchive(@TempDir Path dir) throws Exception {
            Path jar = Files.copy(JAR, dir.resolve("iso-scoring.jar"));
            Path logs = Files.createDirectory(dir.resolve("logs"));

            Traced traced = java(jar, logs, List.of(), "guidances");

            assertThat(traced.run().status()).isZero();
            assertThat(traced.logs()).hasSize(1);
        }

        @Test
        @DisplayName("an archive older than the jar (a stale build) is not used")
        void staleArchive(@TempDir Path dir) throws Exception {
            Path jar = withArchive(dir, 60_000);
            Path logs = Files.createDirectory(dir.resolve("logs"));

            Traced traced = java(jar, logs, List.of(), "guidances");

            assertThat(traced.run().status()).isZero();
            assertThat(traced.logs()).hasSize(1);
        }

        @Test
        @DisplayName("an archive Java cannot use (made for the jar at another path) is ignored, silently")
        void unusableArchive(@TempDir Path dir) throws Exception {
            Path jar = withArchive(dir, -60_000);
            Path logs = Files.createDirectory(dir.resolve("logs"));

            Traced traced = java(jar, logs, List.of(), "evaluate", CliTests.EXAMPLE.toString());

            assertThat(traced.run().status()).isZero();
            assertThat(traced.run().err()).isEmpty();
            assertThat(traced.run().out()).contains("HUYEN-YD");
            assertThat(traced.logs()).hasSize(2).noneMatch(RelaunchTests::scoredFromArchive);
        }
    }
}
