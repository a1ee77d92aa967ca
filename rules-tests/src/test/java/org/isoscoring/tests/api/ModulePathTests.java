package org.isoscoring.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules-api as a named module: a caller's own module that {@code requires org.isoscoring.api} compiles against it with
 * {@code --release 17} and scores the example province, with the engine (rules-drools and Drools) on the class path,
 * found through the module's {@code uses}.
 */
@DisplayName("rules-api on the module path")
class ModulePathTests {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    /** rules-api itself and the one module it requires; everything else of the test class path stays on it. */
    private static final Pattern MODULES = Pattern.compile(".*(rules-api[^" + Pattern.quote(File.separator)
            + "]*\\.jar|rules-api" + Pattern.quote(File.separator) + "target" + Pattern.quote(File.separator)
            + "classes|jackson-(core|databind|annotations)-[^" + Pattern.quote(File.separator) + "]*\\.jar)$");

    @Test
    @DisplayName("given a module that requires org.isoscoring.api, when compiled and run on the module path, then it "
            + "scores the example province")
    void callerModuleScores(@TempDir Path dir) throws Exception {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String modulePath = entries.stream().filter(e -> MODULES.matcher(e).matches())
                .collect(Collectors.joining(File.pathSeparator));
        String classPath = entries.stream().filter(e -> !MODULES.matcher(e).matches())
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(modulePath).contains("rules-api").contains("jackson-databind");

        Path sources = Files.createDirectories(dir.resolve("src/caller/caller"));
        Files.writeString(sources.getParent().resolve("module-info.java"),
                "module caller {\n    requires org.isoscoring.api;\n}\n");
        Files.writeString(sources.resolve("Main.java"), """
                package caller;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.isoscoring.api.ScoringEngine;
                import org.isoscoring.api.ScoringJson;
                import org.isoscoring.api.ScoringResult;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        ScoringEngine engine = ScoringEngine.create();
                        ScoringResult result = engine.evaluate(
                                ScoringJson.readRequest(Files.readString(Path.of(args[0])), engine));
                        System.out.println(Main.class.getModule().getName() + " "
                                + ScoringEngine.class.getModule().getName() + " " + result.agencies().size());
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "--module-path", modulePath,
                "--module-source-path", dir.resolve("src").toString(), "-m", "caller", "-d", classes.toString());
        assertThat(status).as("javac exit status").isZero();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--module-path", classes.resolve("caller") + File.pathSeparator + modulePath,
                "-cp", classPath, "-m", "caller/caller.Main",
                ROOT.resolve("docs/examples/bac-giang-2022.json").toString()));
        Path out = dir.resolve("out.txt");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).as("finished within 2 minutes").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(java.exitValue()).as(printed).isZero();
        assertThat(printed.lines().filter(l -> l.startsWith("caller ")).toList())
                .containsExactly("caller org.isoscoring.api 253");
    }
}
