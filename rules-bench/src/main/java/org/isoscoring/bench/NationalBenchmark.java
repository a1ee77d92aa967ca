package org.isoscoring.bench;

import java.util.concurrent.TimeUnit;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.reference.ReferenceScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring a national-size request (700 districts × 15 communes, with district and province assessments) warm, in
 * assessments per second: by the engine on all cores and on one, and by the plain-Java reference model of the
 * property tests, in the same run and the same JVM settings; and by the engine with every explanation read. (That a national request fits in 512 MB is timed
 * on the command line, by scripts/benchmark.sh: here a smaller heap would measure the garbage collector.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 3) // on 2 cores the JIT compiler needs about 20 s: 4 rounds were still climbing
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class NationalBenchmark {

    /** The assessments of the national request, each counted as one operation. */
    static final int ASSESSMENTS = 700 * Requests.PER_DISTRICT;

    private ScoringRequest request;
    private ScoringEngine engine;

    @Setup
    public void setUp() {
        request = Requests.expect(Requests.national(700), ASSESSMENTS);
        engine = ScoringEngine.create().preload();
    }

    @Benchmark
    @OperationsPerInvocation(ASSESSMENTS)
    public ScoringResult engineOnAllCores() {
        System.setProperty("isoscoring.parallel", "true");
        return engine.evaluate(request);
    }

    /**
     * The engine on all cores, then every explanation read: the reasons are filled when first read
     * ({@code ResultParts.explanationsOnRead}), so this is the cost for a caller that shows or writes every reason.
     */
    @Benchmark
    @OperationsPerInvocation(ASSESSMENTS)
    public long engineOnAllCoresReadingEveryReason() {
        long length = 0;
        for (AssessmentResult a : engineOnAllCores().assessments()) {
            for (Explanation e : a.explanations()) {
                length += e.reason().length() + e.reasonEn().length() + e.facts().size();
            }
        }
        return length;
    }

    @Benchmark
    @OperationsPerInvocation(ASSESSMENTS)
    public ScoringResult engineOnOneCore() {
        System.setProperty("isoscoring.parallel", "false");
        return engine.evaluate(request);
    }

    @Benchmark
    @OperationsPerInvocation(ASSESSMENTS)
    public ScoringResult reference() {
        return ReferenceScorer.score(request);
    }
}
