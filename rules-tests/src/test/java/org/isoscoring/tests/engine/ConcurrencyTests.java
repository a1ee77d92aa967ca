package org.isoscoring.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One engine, many threads: the same results as one thread, byte for byte. */
@DisplayName("The engine shared by many threads")
class ConcurrencyTests {

    private static final Path EXAMPLE = Path.of(System.getProperty("project.root", "..")).toAbsolutePath()
            .normalize().resolve("docs/examples/bac-giang-2022.json");

    @Test
    @DisplayName("given 4 threads scoring the example province 12 times, then every result equals the single-threaded one")
    void sameResults() throws Exception {
        ScoringRequest request = Requests.read(EXAMPLE);
        ScoringEngine shared = ScoringEngine.create();
        String expected = ScoringJson.writeResult(shared.evaluate(request));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // half of the calls through the shared engine, half through engines created on the thread
                boolean own = i % 2 == 0;
                runs.add(pool.submit(() -> ScoringJson.writeResult(
                        (own ? ScoringEngine.create() : shared).evaluate(request))));
            }
            for (Future<String> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
