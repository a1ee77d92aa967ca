package org.isoscoring.drools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Building the knowledge base, in a JVM that has built it before (the first build of a JVM is the cold start,
 * timed on the command line by scripts/benchmark.sh): the bundled guidance from its precompiled classes, the same
 * files compiled from DRL, and an external folder ({@code --rules DIR}: reading, every check, compiling).
 * In this package to reach the engine's package-private loading.
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

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("iso-scoring-bench");
        for (var file : Guidance.bundledFiles(ID).entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public Object bundledPrecompiled() {
        return Guidance.bundled(ID).kieBase();
    }

    @Benchmark
    public Object bundledFromDrl() {
        return Guidance.build(Guidance.bundledFiles(ID), "bundled guidance " + ID).kieBase();
    }

    @Benchmark
    public Object externalFolder() {
        return ScoringEngine.create().withRules(folder);
    }
}
