package org.isoscoring.bench;

import java.util.concurrent.TimeUnit;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
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

/** Scoring the example province (253 agencies, 293 assessments) warm, as a province system would per request. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class ExampleProvinceBenchmark {

    private ScoringRequest request;
    private ScoringEngine engine;

    @Setup
    public void setUp() {
        request = Requests.expect(Requests.example(), 293);
        engine = ScoringEngine.create().preload();
    }

    @Benchmark
    public ScoringResult evaluate() {
        return engine.evaluate(request);
    }
}
