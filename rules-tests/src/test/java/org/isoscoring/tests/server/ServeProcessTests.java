package org.isoscoring.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.isoscoring.tests.support.Http;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iso-scoring serve} as the README starts it: the jar in a process of its own, called over loopback, stopped
 * by SIGTERM.
 */
@DisplayName("iso-scoring serve, as a process")
class ServeProcessTests {

    private static final Path JAR = Path.of(System.getProperty("cli.jar",
            ServiceTests.ROOT.resolve("rules-cli/target/iso-scoring.jar").toString()));

    @Test
    @DisplayName("given the jar started with serve --port 0, when called and then sent SIGTERM with a request in "
            + "flight, then it answers as the command line does, finishes that request, logs each request and its "
            + "stop, and exits")
    void servesAndStopsGracefully(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        Path errors = dir.resolve("serve.log"); // a file: SIGTERM through Process.destroy closes the pipes
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "serve", "--port", "0").redirectError(errors.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return e.toString();
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(first).matches("iso-scoring serve: http://127\\.0\\.0\\.1:\\d+/ \\(bac-giang-2022, "
                    + "two-tier-2026-example\\)");
            URI base = URI.create(first.replaceAll(".*(http://\\S+).*", "$1"));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse<byte[]> result = client.send(HttpRequest.newBuilder(base.resolve("/v1/evaluate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(ServiceTests.BAC_GIANG)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf("serve: first evaluate answered %d ms after the process was started%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.body()).isEqualTo(ServiceTests.cli("evaluate", "--json",
                    ServiceTests.BAC_GIANG.toString()));

            try (Http.InFlight inFlight = Http.InFlight.post(base, "/v1/evaluate",
                    Files.readAllBytes(ServiceTests.TWO_TIER_SMALL), 50)) {
                Thread.sleep(300);
                process.destroy(); // SIGTERM
                Thread.sleep(1_500); // longer than Jetty's own idle time at a shutdown (1 s): the upload keeps ours
                assertThat(process.isAlive()).as("waits for the request in flight").isTrue();
                String answer = inFlight.rest().answer();
                assertThat(answer).startsWith("HTTP/1.1 200");
                assertThat(answer).endsWith(new String(ServiceTests.cli("evaluate", "--json",
                        ServiceTests.TWO_TIER_SMALL.toString()), StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits").isTrue();
            String log = Files.readString(errors);
            assertThat(log).contains("listening on " + base);
            assertThat(log).contains("\"POST /v1/evaluate HTTP/1.1\" 200 4231684");
            assertThat(log).contains("stopping: no new requests").contains("stopped");
            assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(List.of(0, 143)).contains(process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
