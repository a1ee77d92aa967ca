package org.isoscoring.bench;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.isoscoring.api.ScoringEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the rules through the engine's public API, in a JVM that has loaded them before (the first load of a
 * JVM is the cold start, timed on the command line by scripts/benchmark.sh): the bundled guidances from their
 * precompiled classes, by a new engine in a class loader of its own, and an external folder
 * ({@code withRules(DIR)}, {@code --rules DIR}: reading, every check, compiling).
 *
 * <p>An engine keeps the bundled guidances it has loaded for the life of its class loader, so loading them again
 * needs a new class loader: {@link #bundledInNewClassLoader()} also loads and initialises the engine's and Drools'
 * classes again, without the JIT's work on them, and loads both bundled guidances ({@code preload()}). It is
 * therefore slower than the knowledge base build alone, which only the engine's own package can time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class KnowledgeBaseBenchmark {

    private static final String ID = "bac-giang-2022";

    private Path folder;
    private URL[] classPath;

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("iso-scoring-bench");
        for (Map.Entry<String, String> file : ScoringEngine.create().guidanceFiles(ID).entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        classPath = urls.toArray(new URL[0]);
    }

    /**
     * A new engine, in a new class loader of the same class path, loads the bundled guidances from their
     * precompiled classes ({@code ScoringEngine.create().preload()}).
     */
    @Benchmark
    public Object bundledInNewClassLoader() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader); // ScoringEngine.create() finds the engine through it
            Class<?> api = Class.forName(ScoringEngine.class.getName(), true, loader);
            Object engine = api.getMethod("create").invoke(null);
            return api.getMethod("preload").invoke(engine);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The bundled guidance's files, copied to a folder, loaded as {@code --rules DIR} loads one. */
    @Benchmark
    public Object externalFolder() {
        return ScoringEngine.create().withRules(folder);
    }
}
