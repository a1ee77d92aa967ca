package org.isoscoring.bench;

import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;

/**
 * The quick measurement of docs/performance.md's "harness" figures, for comparing two builds in minutes rather than a
 * JMH run: scores the national request (700 districts) again and again in one JVM and prints the throughput of the
 * last half of the rounds. Not a benchmark of record (JMH's are); its figures move by 10–20% between runs.
 *
 * <pre>
 * java -Xmx2g -Drounds=160 -cp rules-bench/target/benchmarks.jar org.isoscoring.bench.NationalLoop [true|false]
 * </pre>
 *
 * The argument is {@code isoscoring.parallel}: {@code false} (the default) scores on the calling thread only.
 */
public final class NationalLoop {

    private NationalLoop() {
    }

    public static void main(String[] args) {
        System.setProperty("isoscoring.parallel", args.length > 0 ? args[0] : "false");
        ScoringRequest request = Requests.national(700);
        ScoringEngine engine = ScoringEngine.create().preload();
        int rounds = Integer.getInteger("rounds", 160);
        int measured = rounds / 2;
        long start = 0;
        for (int round = 0; round < rounds; round++) {
            if (round == rounds - measured) {
                start = System.nanoTime();
            }
            engine.evaluate(request);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,.0f assessments/s (the last %d of %d rounds, %s)%n",
                measured * (double) request.assessments().size() / seconds, measured, rounds,
                "false".equals(System.getProperty("isoscoring.parallel")) ? "one core" : "all cores");
    }
}
