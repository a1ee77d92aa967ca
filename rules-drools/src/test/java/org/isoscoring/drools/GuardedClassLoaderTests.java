package org.isoscoring.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.isoscoring.api.RulesException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's own guard behind the static checks: rule files compiled with the guarded class loader cannot reach
 * the system, processes, files or the network, even if a rule slipped past {@link GuidanceCheck}.
 */
@DisplayName("The class loader the rules run with")
class GuardedClassLoaderTests {

    /** A rule file's header: {@code Sheet} is the guidance's own class, in the rules' package: it needs no import. */
    private static final String HEADER = "package iso.rules;\n";

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"java.lang.System", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Thread",
            "java.io.File", "java.nio.file.Files", "java.net.Socket", "java.lang.reflect.Method", "java.lang.Class",
            "java.lang.ClassLoader", "javax.script.ScriptEngineManager", "sun.misc.Unsafe"})
    void refuses(String name) {
        assertTrue(GuardedClassLoader.refused(name));
        assertThrows(ClassNotFoundException.class,
                () -> new GuardedClassLoader(getClass().getClassLoader()).loadClass(name));
    }

    @ParameterizedTest(name = "allows {0}")
    @ValueSource(strings = {"java.lang.String", "java.math.BigDecimal", "java.time.LocalDate", "java.util.List",
            "java.lang.invoke.LambdaMetafactory", "org.isoscoring.drools.BaseSheet"})
    void allows(String name) throws ClassNotFoundException {
        assertFalse(GuardedClassLoader.refused(name));
        assertEquals(name, new GuardedClassLoader(getClass().getClassLoader()).loadClass(name).getName());
    }

    @ParameterizedTest(name = "a consequence calling {0} cannot run")
    @ValueSource(strings = {"System.exit(3);", "Runtime.getRuntime().halt(3);",
            "new ProcessBuilder(\"touch\", \"/tmp/isoscoring-guard\").start();",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/isoscoring-guard\"), \"x\");",
            "new java.io.File(\"/tmp/isoscoring-guard\").createNewFile();",
            "Class.forName(\"java.lang.Runtime\");"})
    void escapes(String statement, @TempDir Path dir) {
        SortedMap<String, String> files = new TreeMap<>(Map.of("escape.drl", HEADER
                + "rule \"escape\"\nwhen\n    $s : Sheet( )\nthen\n    " + statement + "\nend\n"));
        // compiled directly, without the static checks that would refuse the file first: the generated code
        // compiles, but the guarded class loader refuses the classes when the consequence links them
        Throwable refused;
        try {
            var vocabulary = Guidance.bundledInfo("bac-giang-2022").vocabulary();
            var compiled = Guidance.compile(files, Map.of(), "test", vocabulary);
            var session = compiled.kieBase().newKieSession();
            try {
                session.insert(compiled.types().sheet(0, "A", "DEPARTMENT", "PROVINCE", null, 2022, 0,
                        vocabulary.example("perfect").orElseThrow().facts(2022)));
                refused = assertThrows(Throwable.class, session::fireAllRules);
            } finally {
                session.dispose();
            }
        } catch (RulesException e) {
            refused = e;
        }
        assertTrue(refused.toString().contains("ClassNotFound") || refused.toString().contains("NoClassDefFound")
                || refused instanceof RulesException, refused.toString());
        assertFalse(Files.exists(Path.of("/tmp/isoscoring-guard")));
    }
}
