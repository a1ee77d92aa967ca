package org.isoscoring.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promises: its Java program compiles and prints what it says; its two commands are there. */
@DisplayName("The README")
class ReadmeTests {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    @DisplayName("given the README's Java program, when compiled and run, then it prints what the README says")
    void javaSnippetRuns(@TempDir Path dir) throws Exception {
        Matcher block = javaClass("ScoreOneDepartment");
        assertThat(block.find()).as("a ```java block with the public class ScoreOneDepartment").isTrue();
        String className = block.group(2);
        Path source = dir.resolve(className + ".java");
        Files.writeString(source, block.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), source.toString());
        assertThat(status).as("javac exit status").isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        Matcher promise = Pattern.compile("It prints `([^`]+)`").matcher(readme());
        assertThat(promise.find()).isTrue();
        assertThat(lines).first().isEqualTo(promise.group(1));
        assertThat(lines.get(1)).startsWith("7.1 ");
    }

    /** The README's ```java block that holds {@code public class NAME}; group 1 is its text, group 2 the name. */
    private static Matcher javaClass(String name) throws IOException {
        return Pattern.compile( // the block with that class, not a fragment before it
                "```java\n((?:(?!```).)*?public class (" + name + ")\\b(?:(?!```).)*)```", Pattern.DOTALL)
                .matcher(readme());
    }

    @Test
    @DisplayName("given the README's \"Use it from Java\" snippet, when compared with the consumer project that "
            + "mvn verify builds and runs, then they are the same text, and the project depends on the coordinates "
            + "the README gives")
    void useItFromJavaIsTheConsumerProject() throws IOException {
        Matcher block = javaClass("UseItFromJava");
        assertThat(block.find()).as("a ```java block with the public class UseItFromJava").isTrue();
        Path project = ROOT.resolve("rules-tests/src/it/readme-consumer");
        assertThat(block.group(1))
                .isEqualTo(Files.readString(project.resolve("src/main/java/UseItFromJava.java")));
        String pom = Files.readString(project.resolve("pom.xml"));
        String readme = readme();
        String section = readme.substring(readme.indexOf("## Use it from Java"));
        assertThat(section).contains("<artifactId>rules-api</artifactId>\n  <version>0.1.0-SNAPSHOT</version>")
                .contains("<artifactId>rules-drools</artifactId>\n  <version>0.1.0-SNAPSHOT</version>\n"
                        + "  <scope>runtime</scope>");
        assertThat(pom).contains("<artifactId>rules-api</artifactId>\n      <version>@project.version@</version>\n"
                        + "    </dependency>")
                .contains("<artifactId>rules-drools</artifactId>\n      <version>@project.version@</version>\n"
                        + "      <scope>runtime</scope>");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<version>0.1.0-SNAPSHOT</version>");
    }

    @Test
    @DisplayName("it has the two set-up commands, and .ci/run runs the test command")
    void setUpCommands() throws IOException {
        String readme = readme();
        assertThat(readme).contains("mvn -B -q -DskipTests install && bin/iso-scoring "
                + "evaluate docs/examples/bac-giang-2022.json").contains("\nmvn -B verify\n");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\nmvn -B verify\n");
        assertThat(readme).contains("jqwik").contains("QuickTheories");
    }
}
