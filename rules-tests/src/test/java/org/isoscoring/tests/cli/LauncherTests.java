package org.isoscoring.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers {@code bin/iso-scoring} (bash) and {@code bin/iso-scoring.cmd} (Windows batch, which cannot be run
 * here: it is read, not run) start the tool with the same JVM options, and the bash one works from the unpacked
 * release archive as it does in the repository.
 */
@DisplayName("The launchers bin/iso-scoring and bin/iso-scoring.cmd")
class LauncherTests {

    private static final Path BASH = CliTests.ROOT.resolve("bin/iso-scoring");
    private static final Path CMD = CliTests.ROOT.resolve("bin/iso-scoring.cmd");
    private static final Path ARCHIVE = CliTests.ROOT.resolve("rules-cli/target/iso-scoring-"
            + System.getProperty("project.version", "0.1.0-SNAPSHOT") + "-bin.zip");
    private static final Pattern JVM_OPTION = Pattern.compile("-X{1,2}[A-Za-z:]+(?:=[A-Za-z0-9]+)?");

    /** The JVM options a launcher's command lines pass, without the values that are paths. */
    private static Set<String> jvmOptions(List<String> commandLines) {
        Set<String> options = new TreeSet<>();
        for (String line : commandLines) {
            Matcher m = JVM_OPTION.matcher(line);
            while (m.find()) {
                options.add(m.group());
            }
        }
        return options;
    }

    private static List<String> lines(Path file, String comment) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.strip().toLowerCase().startsWith(comment)).toList();
    }

    @Nested
    @DisplayName("given both files, when their java command lines are read")
    class Alike {

        @Test
        @DisplayName("then they pass the same JVM options, quick JIT except for serve, JAVA_OPTS last, every argument")
        void sameOptions() throws IOException {
            List<String> bash = lines(BASH, "#").stream().filter(l -> l.contains("-jar \"$jar\"")).toList();
            List<String> cmd = lines(CMD, "rem").stream().filter(l -> l.contains("-jar \"%ISO_JAR%\"")).toList();
            assertThat(bash).hasSize(3);
            assertThat(cmd).hasSize(3);
            assertThat(jvmOptions(cmd)).isEqualTo(jvmOptions(bash)).containsExactlyInAnyOrder(
                    "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-Xshare:auto", "-Xlog:disable",
                    "-Xlog:all=off");
            assertThat(bash).allMatch(l -> l.contains("$quick ${JAVA_OPTS:-} -jar \"$jar\" \"$@\""));
            assertThat(cmd).allMatch(l -> l.contains("%ISO_QUICK% %JAVA_OPTS% -jar \"%ISO_JAR%\" %*"));
            assertThat(String.join("\n", lines(BASH, "#"))).contains("quick=\"-XX:TieredStopAtLevel=1\"")
                    .contains("serve) quick=\"\"");
            assertThat(String.join("\n", lines(CMD, "rem"))).contains("set \"ISO_QUICK=-XX:TieredStopAtLevel=1\"")
                    .contains("if /i \"%~1\"==\"serve\" set \"ISO_QUICK=\"");
        }

        @Test
        @DisplayName("then both choose the rules archive for check, test, diff, mutate and --rules, and the full JIT "
                + "for a request file over 32 MiB")
        void sameArchives() throws IOException {
            String bash = Files.readString(BASH);
            String cmd = Files.readString(CMD);
            assertThat(bash).contains("check|test|diff|mutate) name=\"iso-scoring-rules.jsa\"")
                    .contains("--rules|--rules=*) name=\"iso-scoring-rules.jsa\"");
            for (String command : List.of("check", "test", "diff", "mutate")) {
                assertThat(cmd).contains("if /i \"%~1\"==\"" + command + "\" set \"ISO_NAME=iso-scoring-rules.jsa\"");
            }
            assertThat(cmd).contains("if /i \"%ISO_ARG%\"==\"--rules\"").contains("\"%ISO_ARG:~0,8%\"==\"--rules=\"");
            // and the full JIT for a request file over 32 MiB
            assertThat(bash).contains("-gt 33554432 ]; then quick=\"\"; fi");
            assertThat(cmd).contains("if %ISO_SIZE% GTR 33554432 set \"ISO_QUICK=\"");
        }

        @Test
        @DisplayName("then the batch file has Windows line endings and the bash script Unix ones")
        void lineEndings() throws IOException {
            String cmd = Files.readString(CMD);
            assertThat(cmd.split("\n", -1)).allMatch(l -> l.isEmpty() || l.endsWith("\r"));
            assertThat(Files.readString(BASH)).doesNotContain("\r").startsWith("#!/usr/bin/env bash\n");
        }
    }

    @Nested
    @DisplayName("given the release archive unpacked")
    class Unpacked {

        @Test
        @DisplayName("when bin/iso-scoring evaluates the example twice, then it scores it both times, with the "
                + "jar in lib/, and the first run leaves the class-data-sharing archive next to it")
        void runsFromTheArchive(@TempDir Path dir) throws Exception {
            assertThat(ARCHIVE).as("mvn verify builds the release archive before the tests").exists();
            unzip(ARCHIVE, dir);
            Path home;
            try (var top = Files.list(dir)) {
                home = top.findFirst().orElseThrow();
            }
            Path launcher = home.resolve("bin/iso-scoring");
            assertThat(Files.isExecutable(launcher)).isTrue();
            assertThat(home.resolve("lib/iso-scoring.jar")).exists();
            assertThat(home.resolve("NOTICE")).exists();
            assertThat(home.resolve("THIRD-PARTY.txt")).content().contains("(Apache-2.0) Drools :: Core");

            String first = run(launcher, home.resolve("examples/bac-giang-2022.json"));
            assertThat(home.resolve("lib/iso-scoring.jsa")).exists();
            String second = run(launcher, home.resolve("examples/bac-giang-2022.json"));
            assertThat(second).isEqualTo(first).contains("HUYEN-");
        }

        private static String run(Path launcher, Path request) throws Exception {
            Process p = new ProcessBuilder(launcher.toString(), "evaluate", request.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            return new String(out, StandardCharsets.UTF_8);
        }

        /** Unpacks a zip, keeping the executable bit of the entries that have it (Java's zip API drops it). */
        private static void unzip(Path zip, Path into) throws IOException {
            Set<String> executable = Set.copyOf(Arrays.asList("bin/iso-scoring"));
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                    Path target = into.resolve(e.getName()).normalize();
                    assertThat(target.startsWith(into)).as("an entry inside the folder: %s", e.getName()).isTrue();
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                    if (executable.stream().anyMatch(e.getName()::endsWith)) {
                        assertThat(target.toFile().setExecutable(true)).isTrue();
                    }
                }
            }
        }
    }
}
