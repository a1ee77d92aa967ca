package org.isoscoring.bench;

import java.io.Writer;
import java.util.concurrent.TimeUnit;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost grows with the size of a request, warm, split where the time goes: reading the JSON request,
 * scoring it (the rules), and writing the JSON result, which fills the explanations' reasons (made when first read). The rules' loading is {@code KnowledgeBaseBenchmark}.
 * A request of 100,000 assessments is about 160 MB of JSON, above the 128 MiB input limit (docs/reliability.md):
 * reading it is refused, so reading JSON is {@link JsonReadBenchmark}, up to 22,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class ScalingBenchmark {

    /** The target number of assessments; the request has {@code round(size / 18)} districts (1: one department). */
    @Param({"1", "500", "5000", "22000", "100000"})
    public int size;

    private ScoringRequest request;
    private ScoringEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
        request = Requests.ofSize(size);
        engine = ScoringEngine.create().preload();
        System.out.println("size " + size + ": " + request.assessments().size() + " assessments");
    }

    /**
     * A result nobody has read yet, scored again before each write (not timed): its explanations are made when
     * first read, so writing a result twice would time the reasons' filling once only.
     */
    @State(Scope.Thread)
    public static class Unread {
        ScoringResult result;

        @Setup(Level.Invocation)
        public void score(ScalingBenchmark benchmark) {
            result = benchmark.engine.evaluate(benchmark.request);
        }
    }

    @Benchmark
    public ScoringResult evaluate() {
        return engine.evaluate(request);
    }

    /** Writing the JSON result, its explanations' reasons filled on the way (they are made when first read). */
    @Benchmark
    public void writeJson(Unread unread) {
        ScoringJson.writeResult(unread.result, Writer.nullWriter());
    }
}
