package org.isoscoring.server;

import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.isoscoring.api.GuidanceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring service over HTTP ({@code iso-scoring serve}; docs/service.md): the FORMAT.md JSON contract and the
 * workbooks of the spreadsheet module for systems that are not written in Java, on Jetty 12.
 *
 * <pre>{@code
 * try (ScoringService service = ScoringService.start(Settings.defaults().withPort(0))) {
 *     URI base = service.uri(); // POST base.resolve("/v1/evaluate") ...
 * }
 * }</pre>
 *
 * <p>It loads its guidances once, before it listens, and shares them. Its handlers, outermost first: the access log
 * (SLF4J logger {@code org.isoscoring.server.access}), graceful shutdown (on {@link #close()} or SIGTERM the
 * requests in flight finish within {@link Settings#stopTimeout()}, new ones are refused), the limit on concurrent
 * requests (Jetty's {@link QoSHandler}: more wait, then get 503), then the endpoints, which read a body up to
 * {@link Settings#maxBodyBytes()} and score it within {@link Settings#requestTimeout()}.
 */
public final class ScoringService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringService.class);

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor scoring;
    private final Guidances guidances;

    private ScoringService(Server server, ServerConnector connector, ThreadPoolExecutor scoring, Guidances guidances) {
        this.server = server;
        this.connector = connector;
        this.scoring = scoring;
        this.guidances = guidances;
    }

    /**
     * Loads the guidances and starts listening. A guidance folder that fails to load is logged and its requests get
     * 503; the other guidances are served.
     *
     * @param settings where to listen, what to serve and the limits
     * @return the running service; {@link #close()} stops it
     * @throws IllegalArgumentException when two rule folders declare the same guidance
     * @throws java.io.UncheckedIOException when the port cannot be listened on
     */
    public static ScoringService start(Settings settings) {
        long began = System.nanoTime();
        Guidances guidances = Guidances.load(settings.rules());
        guidances.unavailable().forEach(u -> LOG.error("guidance {} from {} could not be loaded; requests for it get"
                + " 503 until the folder is corrected and the service restarted: {}", u.id(), u.folder(),
                u.problems().stream().map(Object::toString).collect(Collectors.joining(" | "))));

        QueuedThreadPool threads = new QueuedThreadPool(Math.max(32, settings.maxConcurrent() * 2 + 8), 4);
        threads.setName("iso-scoring-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);

        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor scoring = new ThreadPoolExecutor(settings.maxConcurrent(), settings.maxConcurrent(),
                30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.maxConcurrent()), task -> {
                    Thread t = new Thread(task, "iso-scoring-score-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        scoring.allowCoreThreadTimeOut(true);

        QoSHandler limit = new QoSHandler(new Endpoints(guidances, settings, scoring));
        limit.setMaxRequestCount(settings.maxConcurrent());
        limit.setMaxSuspendedRequestCount(settings.maxWaiting());
        limit.setMaxSuspend(settings.maxWait());
        limit.excludePath("/health"); // a monitor is answered even when every place is taken
        GracefulHandler graceful = new GracefulHandler(limit);
        // a request whose body is still coming at SIGTERM keeps the idle timeout it had (Jetty's default is 1 s)
        graceful.setShutdownIdleTimeout(settings.idleTimeout().toMillis());
        server.setHandler(graceful);
        server.setErrorHandler(new ErrorAnswers(graceful::isShutdown));
        server.setRequestLog(new CustomRequestLog(access(), CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}Tms"));
        server.setStopTimeout(settings.stopTimeout().toMillis());
        server.setStopAtShutdown(true); // SIGTERM: stop accepting, let the requests in flight finish
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start: nothing runs
            }
            scoring.shutdownNow();
            String message = "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage()
                    + " / không lắng nghe được trên " + settings.host() + ":" + settings.port();
            throw new java.io.UncheckedIOException(message, new java.io.IOException(message, e));
        }
        // once started: a service that could not listen logs no stop
        server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
                LOG.info("stopping: no new requests; {} in flight have up to {} ms to finish",
                        graceful.getCurrentRequestCount(), settings.stopTimeout().toMillis());
            }

            @Override
            public void lifeCycleStopped(org.eclipse.jetty.util.component.LifeCycle event) {
                LOG.info("stopped");
            }
        });
        ScoringService service = new ScoringService(server, connector, scoring, guidances);
        guidances.loaded().whenComplete((done, failed) -> {
            if (failed == null) {
                LOG.info("rules loaded {} ms after start", (System.nanoTime() - began) / 1_000_000);
            } else {
                LOG.error("the bundled rules failed to load: {}", failed.toString());
            }
        });
        LOG.info("iso-scoring {} listening on {} with {} in {} ms (max body {} bytes, request timeout {}, "
                        + "{} at once, {} waiting up to {})", version(), service.uri(),
                guidances.guidances().stream().map(GuidanceInfo::id).toList(),
                (System.nanoTime() - began) / 1_000_000, settings.maxBodyBytes(), Settings.time("", settings.requestTimeout()),
                settings.maxConcurrent(), settings.maxWaiting(), Settings.time("", settings.maxWait()));
        return service;
    }

    private static Slf4jRequestLogWriter access() {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName("org.isoscoring.server.access");
        return writer;
    }

    /**
     * The port it listens on (the one chosen when the settings asked for 0).
     *
     * @return the local port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Its base address, for example {@code http://127.0.0.1:8080/}.
     *
     * @return the base URI, with {@code 127.0.0.1} when it listens on every interface
     */
    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /**
     * The ids of the guidances it scores with.
     *
     * @return the guidance ids, for example {@code bac-giang-2022}
     */
    public java.util.List<String> guidances() {
        return guidances.guidances().stream().map(GuidanceInfo::id).toList();
    }

    /**
     * The folders that failed to load, by guidance id (empty when every guidance is served).
     *
     * @return the ids of the guidances whose requests get 503
     */
    public java.util.List<String> unavailable() {
        return guidances.unavailable().stream().map(Guidances.Unavailable::id).toList();
    }

    /**
     * Waits until the service has stopped (by {@link #close()} or SIGTERM).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully: new requests are refused, the ones in flight finish within the stop timeout. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the service did not stop cleanly: {}", e.toString());
        } finally {
            scoring.shutdownNow();
        }
    }

    /** The version from the jar's manifest. */
    static String version() {
        String v = ScoringService.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
