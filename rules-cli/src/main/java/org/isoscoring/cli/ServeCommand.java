package org.isoscoring.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoscoring.server.ScoringService;
import org.isoscoring.server.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the scoring service over HTTP until SIGTERM (docs/service.md). */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Chạy dịch vụ chấm điểm qua HTTP / Runs the scoring service over HTTP (docs/service.md).",
                "POST /v1/evaluate, POST /v1/sample, GET /v1/guidances, /v1/guidances/{id}, /v1/guidances/{id}/schema,"
                        + " /health, /openapi.json.",
                "It prints the address it listens on, logs each request to standard error, and stops on SIGTERM "
                        + "(Ctrl-C), letting the requests in flight finish.",
                "Sizes: 32MiB, 512KiB or bytes; times: 60s, 500ms, 2m, 1h."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, behind a reverse proxy; 0.0.0.0: every "
                    + "interface).")
    private String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port (default: ${DEFAULT-VALUE}; 0: any free port, printed).")
    private int port;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Serve the guidance in this folder instead of the bundled ones; repeat for several. A "
                    + "folder that fails to load is logged and answered 503; the others are served.")
    private List<Path> rules = new ArrayList<>();

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "32MiB",
            description = "Largest request body (default: ${DEFAULT-VALUE}; at most 128MiB); larger: 413.")
    private String maxBody;

    @Option(names = "--request-timeout", paramLabel = "TIME", defaultValue = "60s",
            description = "Time a request may take to arrive and be scored (default: ${DEFAULT-VALUE}); a body too "
                    + "slow: 408, scoring too long: 503.")
    private String requestTimeout;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "16",
            description = "Requests handled at once (default: ${DEFAULT-VALUE}); more wait.")
    private int maxConcurrent;

    @Option(names = "--max-waiting", paramLabel = "N", defaultValue = "256",
            description = "Requests that may wait for a place (default: ${DEFAULT-VALUE}); more: 503 at once.")
    private int maxWaiting;

    @Option(names = "--max-wait", paramLabel = "TIME", defaultValue = "10s",
            description = "How long a request waits for a place (default: ${DEFAULT-VALUE}); then 503.")
    private String maxWait;

    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "30s",
            description = "A connection silent this long is closed (default: ${DEFAULT-VALUE}).")
    private String idleTimeout;

    @Option(names = "--stop-timeout", paramLabel = "TIME", defaultValue = "30s",
            description = "On SIGTERM, time the requests in flight have to finish (default: ${DEFAULT-VALUE}).")
    private String stopTimeout;

    @Override
    public Integer call() throws InterruptedException {
        for (Path folder : rules) {
            if (!Files.isDirectory(folder)) {
                throw usage("--rules: " + folder + " không phải thư mục / is not a folder");
            }
        }
        Settings settings;
        try {
            settings = new Settings(host, port, rules, size("--max-body", maxBody),
                    duration("--request-timeout", requestTimeout), maxConcurrent, maxWaiting,
                    duration("--max-wait", maxWait), duration("--idle-timeout", idleTimeout),
                    duration("--stop-timeout", stopTimeout));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ScoringService service;
        try {
            service = ScoringService.start(settings);
        } catch (IllegalArgumentException e) { // two folders of one guidance
            throw usage(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        List<String> served = new ArrayList<>(service.guidances());
        service.unavailable().forEach(id -> served.add(id + ": không tải được / could not be loaded"));
        out.println("iso-scoring serve: " + service.uri() + " (" + String.join(", ", served) + ")");
        out.flush();
        service.join();
        return 0;
    }

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kib|kb|k|mib|mb|m)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)?");

    /** A size: bytes, or with KiB or MiB (KB and MB are taken as the same, 1024-based). */
    private long size(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw usage(option + ": \"" + text + "\" " + "không phải kích thước, ví dụ 32MiB / is not a size, for "
                    + "example 32MiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kib", "kb", "k" -> n * 1024;
            case "mib", "mb", "m" -> n * 1024 * 1024;
            default -> n;
        };
    }

    /** A time: seconds, or with ms, s, m (minutes) or h. */
    private Duration duration(String option, String text) {
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw usage(option + ": \"" + text + "\" " + "không phải thời gian, ví dụ 60s / is not a time, for "
                    + "example 60s");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
