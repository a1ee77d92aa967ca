package org.isoscoring.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.isoscoring.api.ScoringJson;

/**
 * How a {@link ScoringService} listens, what it serves and its limits (docs/service.md). Every limit is checked
 * here: a service is never started with one that cannot work.
 *
 * @param host           the address to listen on: {@code 127.0.0.1} (the default) behind a reverse proxy on the
 *                       same machine, {@code 0.0.0.0} to listen on every interface
 * @param port           the port, 1–65535, or 0 for any free one (the tests use it)
 * @param rules          guidance folders to serve instead of the bundled guidances; empty for the bundled ones
 * @param maxBodyBytes   the largest request body, in bytes (a larger one gets 413); at most
 *                       {@link ScoringJson#MAX_BYTES}
 * @param requestTimeout the time a request may take from its arrival to its result: receiving its body, waiting
 *                       for a scoring thread, scoring (a slower one gets 408 while its body arrives, 503 after)
 * @param maxConcurrent  how many requests are handled at once; more wait
 * @param maxWaiting     how many requests may wait for one of those places; more get 503 at once
 * @param maxWait        how long a request waits for a place before it gets 503
 * @param idleTimeout    how long a connection may stay silent (in the middle of a body too) before it is closed
 * @param stopTimeout    on SIGTERM, how long the requests in flight have to finish (new ones are refused)
 */
public record Settings(String host, int port, List<Path> rules, long maxBodyBytes, Duration requestTimeout,
                       int maxConcurrent, int maxWaiting, Duration maxWait, Duration idleTimeout,
                       Duration stopTimeout) {

    /** The default largest body: 32 MiB, about seventy example provinces' requests. */
    public static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;

    /**
     * Checks every setting and keeps a copy of {@code rules}.
     *
     * @param host           the address to listen on
     * @param port           the port, 1–65535, or 0 for any free one
     * @param rules          guidance folders to serve; empty for the bundled guidances
     * @param maxBodyBytes   the largest request body, in bytes
     * @param requestTimeout the time a request may take from its arrival to its result
     * @param maxConcurrent  how many requests are handled at once
     * @param maxWaiting     how many requests may wait for a place
     * @param maxWait        how long a request waits for a place
     * @param idleTimeout    how long a connection may stay silent before it is closed
     * @param stopTimeout    on SIGTERM, how long the requests in flight have to finish
     * @throws NullPointerException     when {@code host}, {@code rules} or a time is {@code null}
     * @throws IllegalArgumentException when a setting is out of its range: an empty host, a port outside 0–65535, a
     *                                  body limit outside 1 KiB–{@link ScoringJson#MAX_BYTES}, a time outside
     *                                  1 ms–1 day, requests at once outside 1–10,000, waiting ones outside 0–100,000
     */
    public Settings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: empty / địa chỉ rỗng");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " is not 0–65535 / cổng không thuộc 0–65535");
        }
        rules = List.copyOf(rules);
        if (maxBodyBytes < 1024 || maxBodyBytes > ScoringJson.MAX_BYTES) {
            throw new IllegalArgumentException("max body: " + maxBodyBytes + " bytes is not between 1 KiB and "
                    + ScoringJson.MAX_BYTES / (1024 * 1024) + " MiB / giới hạn thân yêu cầu phải từ 1 KiB đến "
                    + ScoringJson.MAX_BYTES / (1024 * 1024) + " MiB");
        }
        positive("request timeout", requestTimeout);
        positive("max wait", maxWait);
        positive("idle timeout", idleTimeout);
        positive("stop timeout", stopTimeout);
        if (maxConcurrent < 1 || maxConcurrent > 10_000) {
            throw new IllegalArgumentException("max concurrent: " + maxConcurrent + " is not 1–10000 / số yêu cầu "
                    + "đồng thời phải từ 1 đến 10000");
        }
        if (maxWaiting < 0 || maxWaiting > 100_000) {
            throw new IllegalArgumentException("max waiting: " + maxWaiting + " is not 0–100000 / số yêu cầu chờ "
                    + "phải từ 0 đến 100000");
        }
    }

    /**
     * The defaults: {@code 127.0.0.1:8080}, the bundled guidances, 32 MiB bodies, 60 s a request, 16 requests at
     * once and 256 waiting up to 10 s, connections silent for 30 s closed, 30 s to finish on SIGTERM.
     *
     * @return the default settings
     */
    public static Settings defaults() {
        return new Settings("127.0.0.1", 8080, List.of(), DEFAULT_MAX_BODY, Duration.ofSeconds(60), 16, 256,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /**
     * These settings on another port.
     *
     * @param port the port, 1–65535, or 0 for any free one
     * @return a copy of these settings with {@code port}
     * @throws IllegalArgumentException when {@code port} is outside 0–65535
     */
    public Settings withPort(int port) {
        return new Settings(host, port, rules, maxBodyBytes, requestTimeout, maxConcurrent, maxWaiting, maxWait,
                idleTimeout, stopTimeout);
    }

    /**
     * These settings serving these guidance folders (none: the bundled guidances).
     *
     * @param rules the guidance folders to serve; empty for the bundled guidances
     * @return a copy of these settings with {@code rules}
     */
    public Settings withRules(List<Path> rules) {
        return new Settings(host, port, rules, maxBodyBytes, requestTimeout, maxConcurrent, maxWaiting, maxWait,
                idleTimeout, stopTimeout);
    }

    /** A time in whole seconds, or else milliseconds, the unit after {@code gap}: {@code 60s}, {@code 60 s}, {@code 500ms}. */
    static String time(String gap, Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + gap + "s" : d.toMillis() + gap + "ms";
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(name + ": " + value + " is not between 1 ms and 1 day / " 
                    + "thời gian phải từ 1 ms đến 1 ngày");
        }
    }
}
