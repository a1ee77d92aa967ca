package org.isoscoring.bench;

import java.util.concurrent.TimeUnit;
import org.isoscoring.api.ScoringRequest;
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
 * Reading a JSON request (parsing, every check of the format and of SCORING.md §7), warm, by size; the other
 * parts of {@link ScalingBenchmark}. Up to 22,000 assessments: 100,000 are above the 128 MiB input limit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JsonReadBenchmark {

    @Param({"1", "500", "5000", "22000"})
    public int size;

    private String json;

    @Setup(Level.Trial)
    public void setUp() {
        json = Requests.write(Requests.ofSize(size));
    }

    @Benchmark
    public ScoringRequest readJson() {
        return Requests.read(json);
    }
}
