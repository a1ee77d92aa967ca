package org.isoscoring.tests.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoscoring.tests.support.Cli;

/**
 * Load and faults against the scoring service over HTTP (issue 17), on loopback only, every phase bounded in count
 * and time: many clients scoring the example province for a fixed time, then clients that disconnect mid-body, send
 * a body slowly, send malformed, oversized or wrongly typed bodies, or hammer a guidance folder that failed to load;
 * after them the service must be up, answer the exact bytes, and its memory must be bounded. It prints one markdown
 * table and exits 1 on any failure.
 *
 * <p>It starts the real service as a separate process ({@code java -Xmx512m -jar rules-cli/target/iso-scoring.jar
 * serve --port 0 --rules <good copy> --rules <broken copy> ...}) and stops it with SIGTERM, or works against a
 * service given by {@code --url} (then the broken guidance's id is given by {@code --broken ID}, if it has one).
 * The documented command is {@code scripts/load-test.sh [SECONDS] [CLIENTS]}; the short form runs in
 * {@link ServiceLoadAndFaultTests}.
 *
 * <pre>
 * java -cp CLASSPATH org.isoscoring.tests.server.LoadAndFaults [--seconds 30] [--clients 8] [--repeats 5]
 *     [--jar rules-cli/target/iso-scoring.jar] [--xmx 512m] [--url http://127.0.0.1:8080/ [--pid N] [--broken ID]
 *     [--max-body 32MiB, its limit]] [--example docs/examples/bac-giang-2022.json] [--expected FILE]
 *     [--request-timeout 10] [--idle-timeout 5] [--max-rss-mib 1536] [--startups 3] [--work DIR]
 * </pre>
 *
 * <p>With {@code --url}, the limits the faults expect are the service's defaults (32 MiB, 60 s a request, 30 s
 * idle) unless {@code --max-body}, {@code --request-timeout} and {@code --idle-timeout} give the ones it was started
 * with.
 *
 * <p>{@code --startups N} (the command only) also starts the service with the bundled guidances N times and times
 * each from the process's start to its first answered evaluate.
 */
public final class LoadAndFaults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVALUATE = "/v1/evaluate";
    private static final String BROKEN_ID = "broken-2022";

    /** What to run, and against what. */
    public record Options(Path root, Path jar, String xmx, URI url, long pid, String broken, long maxBody,
                          Path example, Path expected, int clients, Duration duration, int repeats,
                          Duration requestTimeout, Duration idleTimeout, long maxRssBytes, Path work,
                          Duration warmUp) {

        /** The defaults of the documented command: 8 clients for 30 s, each fault 5 times. */
        public static Options defaults(Path root) {
            return new Options(root, root.resolve("rules-cli/target/iso-scoring.jar"), "512m", null, -1, BROKEN_ID,
                    8L * 1024 * 1024, root.resolve("docs/examples/bac-giang-2022.json"), null, 8,
                    Duration.ofSeconds(30), 5, Duration.ofSeconds(10), Duration.ofSeconds(5), 1536L * 1024 * 1024,
                    null, null);
        }

        public Options withLoad(int clients, Duration duration, int repeats) {
            return new Options(root, jar, xmx, url, pid, broken, maxBody, example, expected, clients, duration,
                    repeats, requestTimeout, idleTimeout, maxRssBytes, work, warmUp);
        }

        public Options withWork(Path work) {
            return new Options(root, jar, xmx, url, pid, broken, maxBody, example, expected, clients, duration,
                    repeats, requestTimeout, idleTimeout, maxRssBytes, work, warmUp);
        }
    }

    /** One line of the report: a phase, what it did, how many requests, how many failed, the figures. */
    public record Row(String phase, String what, long requests, long failures, String figures, List<String> errors) {

        public boolean ok() {
            return failures == 0;
        }
    }

    /** The whole run: its rows and a few figures by name, for the tests and the docs. */
    public record Report(List<Row> rows, Load load, Memory before, Memory after) {

        public boolean ok() {
            return rows.stream().allMatch(Row::ok);
        }

        public List<String> errors() {
            return rows.stream().flatMap(r -> r.errors().stream().map(e -> r.phase() + " / " + r.what() + ": " + e))
                    .toList();
        }

        /** The markdown table, then the first errors, if any. */
        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("| phase | what | requests | failures | figures |\n");
            out.append("| --- | --- | ---: | ---: | --- |\n");
            for (Row r : rows) {
                out.append("| ").append(r.phase()).append(" | ").append(r.what()).append(" | ").append(r.requests())
                        .append(" | ").append(r.failures()).append(" | ").append(r.figures()).append(" |\n");
            }
            List<String> errors = errors();
            if (!errors.isEmpty()) {
                out.append("\nFAILED (").append(errors.size()).append("):\n");
                errors.stream().limit(20).forEach(e -> out.append("- ").append(e).append('\n'));
            }
            out.append('\n').append(ok() ? "all passed" : "FAILED").append('\n');
            return out.toString();
        }
    }

    /** The load phase's figures. */
    public record Load(int clients, double seconds, long requests, long errors, double perSecond, double p50Ms,
                       double p90Ms, double p99Ms, double maxMs) {
    }

    /** The service's memory and threads at one moment: resident set and threads from /proc, heap from /health. */
    public record Memory(long rssBytes, int threads, long heapUsedBytes, long heapMaxBytes) {

        String text() {
            return "RSS " + (rssBytes < 0 ? "n/a" : mib(rssBytes)) + ", heap " + mib(heapUsedBytes) + " of "
                    + mib(heapMaxBytes) + ", threads " + (threads < 0 ? "n/a" : threads);
        }
    }

    /** The service under test: a process this runner started, or one given by URL. */
    public static final class Service implements AutoCloseable {
        private final URI base;
        private final Process process;
        private final long pid;
        private final Duration firstAnswer;
        private final StringBuffer log;

        private Service(URI base, Process process, long pid, Duration firstAnswer, StringBuffer log) {
            this.base = base;
            this.process = process;
            this.pid = pid;
            this.firstAnswer = firstAnswer;
            this.log = log;
        }

        public URI base() {
            return base;
        }

        /** The pid of the JVM that serves, or -1. */
        public long pid() {
            return pid;
        }

        /** From starting the process to the first answered evaluate (null for a service given by URL). */
        public Duration firstAnswer() {
            return firstAnswer;
        }

        /** What the service logged on stderr so far. */
        public String log() {
            return log.toString();
        }

        /** Whether the process (if this runner started it) still runs. */
        public boolean alive() {
            return process == null || process.isAlive();
        }

        /** SIGTERM, then up to 40 s for the requests in flight; then it is killed. */
        @Override
        public void close() {
            if (process == null) {
                return;
            }
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private final Options options;
    private final byte[] example;
    private final byte[] expectedSha;
    private final long expectedLength;

    private LoadAndFaults(Options options, byte[] example, byte[] expected) {
        this.options = options;
        this.example = example;
        this.expectedSha = sha256(expected);
        this.expectedLength = expected.length;
    }

    // ---- the command

    public static void main(String[] args) throws Exception {
        int startups = 3;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--startups") && i + 1 < args.length) {
                startups = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        Options options = parse(rest.toArray(String[]::new));
        Report report = run(options, System.err);
        if (startups > 0 && options.url() == null) {
            System.err.println("startups: " + startups);
            Path work = options.work() != null ? options.work() : Files.createTempDirectory("iso-scoring-start");
            Row row = startups(options.withWork(work), startups, System.err);
            List<Row> rows = new ArrayList<>(report.rows());
            rows.add(0, row);
            report = new Report(rows, report.load(), report.before(), report.after());
        }
        String text = report.markdown();
        System.out.print(text);
        System.out.flush();
        System.exit(report.ok() ? 0 : 1);
    }

    private static Options parse(String[] args) {
        Path root = Path.of(System.getProperty("isoscoring.root", ".")).toAbsolutePath().normalize();
        Options d = Options.defaults(root);
        Path jar = d.jar();
        String xmx = d.xmx();
        URI url = null;
        long pid = -1;
        String broken = d.broken();
        long maxBody = d.maxBody();
        Path exampleFile = d.example();
        Path expected = null;
        int clients = d.clients();
        Duration duration = d.duration();
        int repeats = d.repeats();
        Duration requestTimeout = d.requestTimeout();
        Duration idleTimeout = d.idleTimeout();
        long maxRss = d.maxRssBytes();
        Path work = null;
        Duration warmUp = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                System.out.println("usage: LoadAndFaults [--seconds 30] [--clients 8] [--repeats 5] [--jar JAR] "
                        + "[--xmx 512m] [--url URL [--pid N] [--broken ID|-] [--max-body 32MiB]] [--example FILE] "
                        + "[--expected FILE] [--request-timeout 10] [--idle-timeout 5] [--max-rss-mib 1536] "
                        + "[--startups 3] [--work DIR] [--warmup SECONDS]");
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--seconds" -> duration = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--clients" -> clients = Integer.parseInt(value);
                case "--repeats" -> repeats = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value).toAbsolutePath();
                case "--xmx" -> xmx = value;
                case "--url" -> url = URI.create(value.endsWith("/") ? value : value + "/");
                case "--pid" -> pid = Long.parseLong(value);
                case "--broken" -> broken = value.equals("-") ? null : value;
                case "--max-body" -> maxBody = bytes(value);
                case "--example" -> exampleFile = Path.of(value).toAbsolutePath();
                case "--expected" -> expected = Path.of(value).toAbsolutePath();
                case "--request-timeout" -> requestTimeout = Duration.ofMillis(
                        (long) (Double.parseDouble(value) * 1000));
                case "--idle-timeout" -> idleTimeout = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--max-rss-mib" -> maxRss = Long.parseLong(value) * 1024 * 1024;
                case "--work" -> work = Path.of(value).toAbsolutePath();
                case "--warmup" -> warmUp = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        List<String> named = Arrays.asList(args);
        if (url != null && !named.contains("--broken")) {
            broken = null; // a service given by URL has no broken folder unless told its id
        }
        if (url != null && !named.contains("--max-body")) {
            maxBody = 32L * 1024 * 1024; // the service's default limit
        }
        if (url != null && !named.contains("--request-timeout")) {
            requestTimeout = Duration.ofSeconds(60); // the service's defaults: give its own if it was started so
        }
        if (url != null && !named.contains("--idle-timeout")) {
            idleTimeout = Duration.ofSeconds(30);
        }
        return new Options(root, jar, xmx, url, pid, broken, maxBody, exampleFile, expected, clients, duration,
                repeats, requestTimeout, idleTimeout, maxRss, work, warmUp);
    }

    private static long bytes(String text) {
        Matcher m = Pattern.compile("(\\d+)\\s*(KiB|MiB|k|m|)", Pattern.CASE_INSENSITIVE).matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "kib", "k" -> n * 1024;
            case "mib", "m" -> n * 1024 * 1024;
            default -> n;
        };
    }

    /**
     * Runs every phase: starts the service (unless given by URL), loads it, sends the faults, checks it after, and
     * stops it. Progress goes to {@code progress}.
     */
    public static Report run(Options options, java.io.PrintStream progress) throws Exception {
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("iso-scoring-load");
        Files.createDirectories(work);
        options = options.withWork(work);
        byte[] example = Files.readAllBytes(options.example());
        byte[] expected = options.expected() != null ? Files.readAllBytes(options.expected())
                : expectedBytes(options, work);
        LoadAndFaults runner = new LoadAndFaults(options, example, expected);
        List<Row> rows = new ArrayList<>();
        try (Service service = options.url() != null ? given(options) : start(options, work, progress)) {
            if (service.firstAnswer() != null) {
                rows.add(new Row("start", "process start to first answered evaluate", 1, 0,
                        ms(service.firstAnswer().toNanos() / 1e6) + " (pid " + service.pid() + ", -Xmx"
                                + options.xmx() + ")", List.of()));
            }
            Memory before = runner.memory(service);
            rows.add(new Row("before", "memory", 0, 0, before.text(), List.of()));
            progress.println("load: " + options.clients() + " clients for " + options.duration().toSeconds() + " s");
            Load load = runner.load(service.base(), service.pid(), rows);
            progress.println("faults, each " + options.repeats() + " times");
            Memory after = new Memory(-1, -1, -1, -1);
            try {
                runner.faults(service, rows);
                progress.println("after");
                after = runner.after(service, before, rows);
            } catch (Exception e) {
                rows.add(new Row("after", "the service after the faults", 1, 1, "", List.of(e.toString())));
            }
            return new Report(rows, load, before, after);
        }
    }

    // ---- the service

    /** The expected answer: the bytes of {@code java -jar JAR evaluate --json EXAMPLE}, run once. */
    private static byte[] expectedBytes(Options options, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("expected.json");
        Process p = new ProcessBuilder("java", "-jar", options.jar().toString(), "evaluate", "--json",
                options.example().toString()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("evaluate --json " + options.example() + " failed (" + options.jar()
                    + ")");
        }
        return Files.readAllBytes(out);
    }

    private static Service given(Options options) {
        return new Service(options.url(), null, options.pid(), null, new StringBuffer());
    }

    /**
     * Starts {@code java -Xmx.. -jar JAR serve --port 0} with a good copy of the bundled guidance and a broken one
     * (a syntax error in a .drl file), and waits for its printed address and its first answered evaluate.
     */
    public static Service start(Options options, Path work, java.io.PrintStream progress) throws Exception {
        return start(options, work, progress, true);
    }

    /**
     * Starts the service as {@link #start(Options, Path, java.io.PrintStream)} does, with the two folders, or with
     * the bundled guidances only ({@code folders} false: {@code java -Xmx.. -jar JAR serve --port 0}).
     */
    public static Service start(Options options, Path work, java.io.PrintStream progress, boolean folders)
            throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException(options.jar() + " is missing: build it with mvn -B -q -DskipTests "
                    + "package -pl rules-cli -am");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + options.xmx(), "-jar",
                options.jar().toString(), "serve", "--port", "0"));
        if (folders) {
            command.addAll(folders(work));
        }
        command.addAll(List.of("--max-body", options.maxBody() + "", "--request-timeout",
                options.requestTimeout().toMillis() + "ms", "--idle-timeout", options.idleTimeout().toMillis() + "ms",
                "--stop-timeout", "20s"));
        return start(command, options, progress);
    }

    /** A good copy of the bundled guidance and a broken one, as --rules options. */
    private static List<String> folders(Path work) throws IOException {
        Path good = work.resolve("bac-giang-2022");
        Path broken = work.resolve(BROKEN_ID);
        if (Files.exists(good) || Files.exists(broken)) {
            throw new IllegalStateException(work + " already holds the guidance copies: give an empty --work");
        }
        copyGuidance(good);
        copyGuidance(broken);
        Path drl = broken.resolve("07-dossier-handling.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        String from = "then\n    award(kcontext, $s, \"8\"";
        if (!text.contains(from)) {
            throw new IllegalStateException("the edit that breaks " + drl + " no longer applies");
        }
        Files.writeString(drl, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(
                "thn\n    award(kcontext, $s, \"8\"")), StandardCharsets.UTF_8);
        return List.of("--rules", good.toString(), "--rules", broken.toString());
    }

    private static Service start(List<String> command, Options options, java.io.PrintStream progress)
            throws Exception {
        progress.println("starting: " + String.join(" ", command));
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        StringBuffer log = new StringBuffer();
        Thread err = new Thread(() -> drain(process.getErrorStream(), log), "service-stderr");
        err.setDaemon(true);
        err.start();
        CompletableFuture<URI> printed = new CompletableFuture<>();
        Thread out = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    Matcher m = Pattern.compile("iso-scoring serve: (http://\\S+)").matcher(line);
                    if (m.find()) {
                        printed.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            printed.complete(null);
        }, "service-stdout");
        out.setDaemon(true);
        out.start();
        URI base;
        try {
            base = printed.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            base = null;
        }
        if (base == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the service printed no address within 120 s; its log:\n" + log);
        }
        byte[] example = Files.readAllBytes(options.example());
        HttpClient client = client();
        HttpResponse<byte[]> first = client.send(post(base, example, "application/json"),
                HttpResponse.BodyHandlers.ofByteArray());
        Duration firstAnswer = Duration.ofNanos(System.nanoTime() - began);
        if (first.statusCode() != 200) {
            process.destroyForcibly();
            throw new IllegalStateException("the first evaluate got " + first.statusCode() + ": "
                    + new String(first.body(), StandardCharsets.UTF_8));
        }
        // the service is this process (the tool starts no second JVM since issue 18); were a java process started
        // under it (a wrapper), that one would serve
        long pid = process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).max().orElse(process.pid());
        progress.println("service " + base + " (pid " + pid + ") answered its first evaluate "
                + ms(firstAnswer.toNanos() / 1e6) + " after its start");
        return new Service(base, process, pid, firstAnswer, log);
    }

    private static void copyGuidance(Path to) {
        Cli.Run made = Cli.run("new-guidance", "--from", "bac-giang-2022", "--to", to.toString());
        if (made.status() != 0) {
            throw new IllegalStateException("new-guidance failed: " + made.err());
        }
    }

    private static void drain(InputStream in, StringBuffer into) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (into.length() < 4_000_000) {
                    into.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * Starts {@code java -Xmx.. -jar JAR serve --port 0} (the bundled guidances) {@code count} times, each time
     * timing from the start of the process to its first answered evaluate, then stops it; one row.
     */
    public static Row startups(Options options, int count, java.io.PrintStream progress) {
        List<Long> times = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (Service s = start(options, options.work(), progress, false)) {
                times.add(s.firstAnswer().toNanos());
            } catch (Exception e) {
                errors.add(e.toString());
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        String all = times.stream().map(t -> ms(t / 1e6)).collect(java.util.stream.Collectors.joining(", "));
        return new Row("start", "java -Xmx" + options.xmx() + " -jar iso-scoring.jar serve --port 0 (bundled "
                + "guidances): process start to first answered evaluate, " + count + " starts", count, errors.size(),
                sorted.length == 0 ? "" : "median " + ms(percentile(sorted, 50)) + " (" + all + ")", errors);
    }

    // ---- load

    private Load load(URI base, long servicePid, List<Row> rows) throws Exception {
        // a warm-up of the same load, checked but not measured: --warmup, or a fifth of the time (at most 5 s);
        // the JIT compiler is still compiling Drools' classes after a minute (docs/performance.md)
        Duration warmUp = options.warmUp() != null ? options.warmUp()
                : options.duration().dividedBy(5).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                : options.duration().dividedBy(5);
        List<Row> warm = new ArrayList<>();
        load(base, warmUp, warm);
        Row w = warm.get(0);
        rows.add(new Row("load", "warm-up: " + w.what(), w.requests(), w.failures(), w.figures(), w.errors()));
        long serviceCpu = cpuNanos(servicePid);
        long ownCpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        Load load = load(base, options.duration(), rows);
        long serviceUsed = cpuNanos(servicePid) - serviceCpu;
        long ownUsed = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L) - ownCpu;
        if (serviceCpu >= 0 && load.requests() > 0) {
            Row r = rows.remove(rows.size() - 1);
            double perRequest = serviceUsed / 1e6 / load.requests();
            int cores = Runtime.getRuntime().availableProcessors();
            rows.add(new Row(r.phase(), r.what(), r.requests(), r.failures(), r.figures() + String.format(Locale.ROOT,
                    "; service CPU %.0f ms a request (%d cores: at most %.0f requests/s if it had them alone); "
                            + "these clients' CPU %.0f ms a request", perRequest, cores, cores * 1000 / perRequest,
                    ownUsed / 1e6 / load.requests()), r.errors()));
        }
        return load;
    }

    /** The CPU time a process has used (user and system, from /proc/PID/stat at 100 ticks a second), or -1. */
    private static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private Load load(URI base, Duration duration, List<Row> rows) throws Exception {
        int clients = options.clients();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Client>> futures = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                Client c = new Client();
                HttpClient http = client();
                HttpRequest request = post(base, example, "application/json");
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        if (r.statusCode() != 200) {
                            byte[] body;
                            try (InputStream in = r.body()) {
                                body = in.readAllBytes();
                            }
                            c.latencies.add(System.nanoTime() - t0);
                            c.error("status " + r.statusCode() + ": " + text(body, 160));
                            continue;
                        }
                        Digested d = digest(r.body());
                        c.latencies.add(System.nanoTime() - t0);
                        if (!Arrays.equals(d.sha256, expectedSha)) {
                            c.error("different bytes (" + d.length + " bytes, expected " + expectedLength + ")");
                        }
                    } catch (IOException e) {
                        c.latencies.add(System.nanoTime() - t0);
                        c.error(e.toString());
                    }
                }
                return c;
            }));
        }
        List<Long> all = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long errorCount = 0;
        for (Future<Client> f : futures) {
            Client c = f.get(duration.toSeconds() + 180, TimeUnit.SECONDS);
            all.addAll(c.latencies);
            errorCount += c.errorCount;
            errors.addAll(c.errors);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdownNow();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        Load load = new Load(clients, seconds, sorted.length, errorCount, sorted.length / seconds,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        if (sorted.length == 0) {
            errors.add("no request was answered");
            errorCount++;
        }
        rows.add(new Row("load", clients + " clients POST the example province for " + String.format(Locale.ROOT,
                "%.1f", seconds) + " s; 200 with the exact bytes (SHA-256)", sorted.length, errorCount,
                String.format(Locale.ROOT, "%.1f requests/s; p50 %s, p90 %s, p99 %s, max %s", load.perSecond(),
                        ms(load.p50Ms()), ms(load.p90Ms()), ms(load.p99Ms()), ms(load.maxMs())), errors));
        return load;
    }

    private static final class Client {
        final List<Long> latencies = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        long errorCount;

        void error(String e) {
            errorCount++;
            if (errors.size() < 5) {
                errors.add(e);
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private record Digested(long length, byte[] sha256) {
    }

    private static Digested digest(InputStream in) throws IOException {
        MessageDigest sha = sha();
        long length = 0;
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                length += n;
            }
        }
        return new Digested(length, sha.digest());
    }

    // ---- faults

    private void faults(Service service, List<Row> rows) throws Exception {
        URI base = service.base();
        int n = options.repeats();
        fault(service, rows, "disconnect in the middle of the body", () -> disconnects(base, n));
        fault(service, rows, "bodies sent 4 bytes per second", () -> slowBodies(base, n));
        fault(service, rows, "bodies stopped after 1,000 bytes", () -> silentBodies(base, n));
        fault(service, rows, "malformed JSON", () -> malformed(base, n));
        fault(service, rows, "Content-Length over the limit", () -> oversizedWithLength(base, n));
        fault(service, rows, "chunked body over the limit", () -> oversizedChunked(base, n));
        fault(service, rows, "wrong Content-Type", () -> wrongType(base, n));
        if (options.broken() != null) {
            fault(service, rows, "requests naming the broken guidance", () -> brokenGuidance(base, n));
        }
    }

    private interface Phase {
        Row run() throws Exception;
    }

    /** Runs one fault; an exception is a failure of its row, and a service that ended says so with its log. */
    private static void fault(Service service, List<Row> rows, String what, Phase phase) {
        try {
            rows.add(phase.run());
        } catch (Exception e) {
            rows.add(new Row("fault", what, 1, 1, "", List.of("the runner failed: " + e)));
        }
        if (!service.alive()) {
            rows.add(new Row("fault", "the service process ended after: " + what, 1, 1, "",
                    List.of("its log ends with:\n" + tail(service.log(), 3000))));
            throw new IllegalStateException("the service ended after " + what + "; its log ends with:\n"
                    + tail(service.log(), 3000));
        }
    }

    /** A fault's outcomes: failures with reasons, and times. */
    private static final class Outcomes {
        final List<String> errors = new ArrayList<>();
        final List<Long> nanos = new ArrayList<>();
        long count;
        long failures;

        synchronized void ok(long nanos) {
            count++;
            this.nanos.add(nanos);
        }

        synchronized void fail(String why) {
            count++;
            failures++;
            if (errors.size() < 5) {
                errors.add(why);
            }
        }

        Row row(String phase, String what, String figures) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            String times = sorted.length == 0 ? "" : "answered in " + ms(percentile(sorted, 50)) + " median, "
                    + ms(sorted[sorted.length - 1] / 1e6) + " max";
            String all = figures.isEmpty() ? times : times.isEmpty() ? figures : figures + "; " + times;
            return new Row(phase, what, count, failures, all, List.copyOf(errors));
        }
    }

    private Row disconnects(URI base, int n) throws Exception {
        Outcomes o = new Outcomes();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (Socket s = socket(base)) {
                OutputStream out = s.getOutputStream();
                out.write(head(base, "application/json", "Content-Length: " + example.length));
                out.write(example, 0, example.length / 2);
                out.flush();
            } // closed with half the body sent
            Optional<String> alive = checkHealth(base);
            if (alive.isPresent()) {
                o.fail("after a disconnect: " + alive.get());
            } else {
                o.ok(System.nanoTime() - t0);
            }
        }
        return o.row("fault", "disconnect in the middle of the body (Content-Length " + example.length
                + ", half sent, closed); /health 200 after each", "");
    }

    /** A body sent a few bytes per second: the service answers 408 or closes, within its request time. */
    private Row slowBodies(URI base, int n) throws Exception {
        Duration limit = options.requestTimeout().plus(options.idleTimeout()).plusSeconds(15);
        Outcomes o = stalled(base, n, limit, (out, answered) -> {
            out.write(head(base, "application/json", "Content-Length: " + example.length));
            out.flush();
            long t0 = System.nanoTime();
            for (int at = 0; at < example.length && !answered.get(); at += 4) {
                out.write(example, at, Math.min(4, example.length - at));
                out.flush();
                Thread.sleep(1000);
                if (System.nanoTime() - t0 > limit.toNanos()) {
                    return;
                }
            }
        });
        return o.row("fault", n + (n == 1 ? " body" : " bodies at once")
                + " sent 4 bytes per second (request timeout "
                + seconds(options.requestTimeout()) + "): 408 or closed, in time", "");
    }

    /** A body that stops in the middle, the connection left open: closed (or 408) after the idle time. */
    private Row silentBodies(URI base, int n) throws Exception {
        Duration limit = options.requestTimeout().plus(options.idleTimeout()).plusSeconds(15);
        Outcomes o = stalled(base, n, limit, (out, answered) -> {
            out.write(head(base, "application/json", "Content-Length: " + example.length));
            out.write(example, 0, 1000);
            out.flush(); // then silence
        });
        return o.row("fault", n + (n == 1 ? " body" : " bodies at once")
                + " stop after 1,000 bytes, connection left open (idle timeout "
                + seconds(options.idleTimeout()) + "): 408 or closed, in time", "");
    }

    /** {@code n} clients at once each send a body as {@code writer} does; each must get 408 or a close in time. */
    private static Outcomes stalled(URI base, int n, Duration limit, Writer writer) throws Exception {
        Outcomes o = new Outcomes();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    Raw raw = exchange(base, limit, writer);
                    long took = System.nanoTime() - t0;
                    if (took > limit.toNanos()) {
                        o.fail("held for " + ms(took / 1e6) + " (more than the request time + idle time + 15 s)");
                    } else if (raw.status() == 408 || raw.status() == -1) {
                        o.ok(took);
                    } else {
                        o.fail("status " + raw.status() + " (expected 408 or a closed connection)");
                    }
                } catch (Exception e) {
                    o.fail(e.toString());
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(limit.toSeconds() + 30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        return o;
    }

    private Row malformed(URI base, int n) throws Exception {
        Outcomes o = new Outcomes();
        List<byte[]> bodies = List.of(Arrays.copyOf(example, example.length / 2),
                "{\"guidance\": \"bac-giang-2022\", \"year\": 2022, \"agencies\": [}".getBytes(StandardCharsets.UTF_8),
                "not json at all".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < n; i++) {
            for (byte[] body : bodies) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = client().send(post(base, body, "application/json"),
                        HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - t0;
                Optional<String> wrong = problem(r, 422, "request-rejected");
                if (wrong.isEmpty()) {
                    JsonNode problems = JSON.readTree(r.body()).path("problems");
                    if (!problems.isArray() || problems.isEmpty() || problems.get(0).path("place").asText()
                            .isBlank()) {
                        wrong = Optional.of("422 without a placed problem: " + text(r.body(), 300));
                    }
                }
                wrong.ifPresentOrElse(o::fail, () -> o.ok(took));
            }
        }
        return o.row("fault", "malformed JSON (the example cut in half, a broken array, not JSON): 422 "
                + "request-rejected, the first problem placed (line, column)", "");
    }

    private Row oversizedWithLength(URI base, int n) throws Exception {
        Outcomes o = new Outcomes();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Raw raw = exchange(base, Duration.ofSeconds(30), (out, answered) -> {
                out.write(head(base, "application/json", "Content-Length: " + (options.maxBody() + 1)));
                out.flush(); // no body: the answer must come at once, from the length alone
            });
            long took = System.nanoTime() - t0;
            if (raw.status() == 413 && raw.text().contains("too-large")) {
                o.ok(took);
            } else {
                o.fail("status " + raw.status() + " (expected 413 too-large before any body): "
                        + text(raw.bytes(), 200));
            }
        }
        return o.row("fault", "Content-Length " + (options.maxBody() + 1) + " (limit + 1), no body sent: 413 "
                + "too-large at once", "");
    }

    private Row oversizedChunked(URI base, int n) throws Exception {
        Outcomes o = new Outcomes();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long total = options.maxBody() + 4L * chunk.length;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Raw raw = exchange(base, Duration.ofSeconds(60), (out, answered) -> {
                out.write(head(base, "application/json", "Transfer-Encoding: chunked"));
                out.write("1\r\n[\r\n".getBytes(StandardCharsets.US_ASCII));
                for (long sent = 1; sent < total && !answered.get(); sent += chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (!answered.get()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            });
            long took = System.nanoTime() - t0;
            if (raw.status() == 413 && raw.text().contains("too-large")) {
                o.ok(took);
            } else {
                o.fail("status " + raw.status() + " (expected 413 too-large): " + text(raw.bytes(), 200));
            }
        }
        return o.row("fault", "chunked body without a length, " + (total - options.maxBody()) / 1024
                + " KiB over the limit of " + mib(options.maxBody()) + ": 413 too-large", "");
    }

    /**
     * The example with a wrong Content-Type, or none: 415. The service answers before it reads the body and then
     * closes the connection, so the body is sent as curl sends it, reading the answer meanwhile and stopping once it
     * has come. How the JDK's client fares (it sends the whole body first) is counted apart, not as a failure.
     */
    private Row wrongType(URI base, int n) throws Exception {
        Outcomes o = new Outcomes();
        int jdkGot = 0;
        int jdkTried = 0;
        for (int i = 0; i < n; i++) {
            for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
                long t0 = System.nanoTime();
                Raw raw = exchange(base, Duration.ofSeconds(30), (out, answered) -> {
                    out.write(head(base, type, "Content-Length: " + example.length));
                    for (int at = 0; at < example.length && !answered.get(); at += 64 * 1024) {
                        out.write(example, at, Math.min(64 * 1024, example.length - at));
                        out.flush();
                    }
                });
                long took = System.nanoTime() - t0;
                if (raw.status() == 415 && raw.text().contains("unsupported-media-type")) {
                    o.ok(took);
                } else {
                    o.fail("status " + raw.status() + " (expected 415 unsupported-media-type): "
                            + text(raw.bytes(), 200));
                }
                jdkTried++;
                try {
                    HttpResponse<byte[]> r = client().send(post(base, example, type),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (problem(r, 415, "unsupported-media-type").isEmpty()) {
                        jdkGot++;
                    }
                } catch (IOException e) {
                    // the connection closed under the JDK client before it read the answer
                }
            }
        }
        return o.row("fault", "the example as text/plain, as a form, without Content-Type: 415 "
                + "unsupported-media-type", "the JDK HttpClient, which sends the whole body first, got the 415 "
                + jdkGot + " of " + jdkTried + " times (else the connection closed)");
    }

    /** Several clients hammer the broken guidance: each gets 503 with the folder's problems, quickly. */
    private Row brokenGuidance(URI base, int n) throws Exception {
        byte[] body = new String(example, StandardCharsets.UTF_8).replaceFirst(
                "\"guidance\"\\s*:\\s*\"[^\"]*\"", Matcher.quoteReplacement("\"guidance\": \"" + options.broken()
                        + "\"")).getBytes(StandardCharsets.UTF_8);
        int clients = Math.max(2, Math.min(8, options.clients()));
        int each = Math.max(5, n * 4);
        Outcomes o = new Outcomes();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> all = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            all.add(pool.submit(() -> {
                HttpClient http = client();
                for (int i = 0; i < each; i++) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(post(base, body, "application/json"),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        Optional<String> wrong = problem(r, 503, "guidance-unavailable");
                        if (wrong.isEmpty() && !new String(r.body(), StandardCharsets.UTF_8)
                                .contains("07-dossier-handling.drl:")) {
                            wrong = Optional.of("503 without the folder's problems: " + text(r.body(), 300));
                        }
                        wrong.ifPresentOrElse(o::fail, () -> o.ok(took));
                    } catch (IOException e) {
                        o.fail(e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(300, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - began) / 1e9;
        return o.row("fault", clients + " clients × " + each + " requests naming the broken guidance "
                + options.broken() + ": 503 guidance-unavailable with its .drl problems", String.format(Locale.ROOT,
                "%.1f answers/s (a load of the folder takes seconds: none is retried)", o.count / seconds));
    }

    // ---- after

    private Memory after(Service service, Memory before, List<Row> rows) throws Exception {
        URI base = service.base();
        List<String> errors = new ArrayList<>();
        if (!service.alive()) {
            errors.add("the service process ended; its log:\n" + tail(service.log(), 3000));
        }
        checkHealth(base).ifPresent(errors::add);
        HttpClient http = client();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(post(base, example, "application/json"),
                HttpResponse.BodyHandlers.ofInputStream());
        Digested d = digest(r.body());
        long took = System.nanoTime() - t0;
        if (r.statusCode() != 200 || !Arrays.equals(d.sha256(), expectedSha)) {
            errors.add("evaluate after the faults: status " + r.statusCode() + ", " + d.length() + " bytes"
                    + (Arrays.equals(d.sha256(), expectedSha) ? "" : " (not the expected bytes)"));
        }
        rows.add(new Row("after", "/health 200; evaluate answers the exact " + expectedLength + " bytes", 2,
                errors.size(), "evaluate in " + ms(took / 1e6), List.copyOf(errors)));
        Memory after = memory(service);
        List<String> memoryErrors = new ArrayList<>();
        if (after.rssBytes() > options.maxRssBytes()) {
            memoryErrors.add("RSS " + mib(after.rssBytes()) + " above " + mib(options.maxRssBytes()));
        }
        if (after.heapMaxBytes() > 0 && after.heapUsedBytes() > after.heapMaxBytes()) {
            memoryErrors.add("heap used above its maximum");
        }
        if (before.threads() > 0 && after.threads() > before.threads() + 64) {
            memoryErrors.add("threads grew from " + before.threads() + " to " + after.threads());
        }
        rows.add(new Row("after", "memory (bound: RSS at most " + mib(options.maxRssBytes()) + ")", 0,
                memoryErrors.size(), after.text(), memoryErrors));
        return after;
    }

    private Memory memory(Service service) throws Exception {
        long rss = -1;
        int threads = -1;
        if (service.pid() > 0) {
            Path status = Path.of("/proc", Long.toString(service.pid()), "status");
            if (Files.isReadable(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    } else if (line.startsWith("Threads:")) {
                        threads = Integer.parseInt(line.replaceAll("\\D", ""));
                    }
                }
            }
        }
        HttpResponse<byte[]> health = client().send(HttpRequest.newBuilder(service.base().resolve("/health"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode memory = JSON.readTree(health.body()).path("memory");
        return new Memory(rss, threads, memory.path("heapUsedBytes").asLong(-1), memory.path("heapMaxBytes")
                .asLong(-1));
    }

    /** Empty when /health answers 200 with a status; else what was wrong. */
    private static Optional<String> checkHealth(URI base) {
        try {
            HttpResponse<byte[]> r = client().send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || !JSON.readTree(r.body()).has("status")) {
                return Optional.of("/health: " + r.statusCode() + " " + text(r.body(), 200));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("/health: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Empty when the answer is this status with a problem of this type; else what was wrong. */
    private static Optional<String> problem(HttpResponse<byte[]> r, int status, String type) {
        if (r.statusCode() != status) {
            return Optional.of("status " + r.statusCode() + " (expected " + status + "): " + text(r.body(), 300));
        }
        try {
            JsonNode body = JSON.readTree(r.body());
            if (!body.path("type").asText().endsWith(":" + type) || body.path("status").asInt() != status) {
                return Optional.of("not a " + type + " problem: " + text(r.body(), 300));
            }
        } catch (IOException e) {
            return Optional.of("not JSON: " + text(r.body(), 300));
        }
        return Optional.empty();
    }

    // ---- raw HTTP/1.1 on a socket

    private interface Writer {
        void write(OutputStream out, AtomicBoolean answered) throws Exception;
    }

    /** What came back on a raw connection: the status (-1 when it closed without an answer) and the bytes. */
    private record Raw(int status, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Socket socket(URI base) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        return s;
    }

    private static byte[] head(URI base, String contentType, String lengthHeader) {
        return ("POST " + EVALUATE + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + lengthHeader + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes a request with {@code writer} while another thread reads the answer; the writer sees when the first
     * answer bytes have come, and a broken pipe ends the writing (the service may close first). Waits at most
     * {@code limit} for the service to answer and close, or to stop sending.
     */
    private static Raw exchange(URI base, Duration limit, Writer writer) throws Exception {
        try (Socket s = socket(base)) {
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, limit.toMillis()));
            AtomicBoolean answered = new AtomicBoolean();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    InputStream in = s.getInputStream();
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        synchronized (got) {
                            got.write(buffer, 0, n);
                        }
                        answered.set(true);
                        if (complete(got)) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    // reset, or silent past the limit
                } finally {
                    answered.set(true);
                }
            }, "raw-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                writer.write(s.getOutputStream(), answered);
            } catch (IOException brokenPipe) {
                // the service closed or reset the connection while we were writing
            }
            reader.join(limit.toMillis());
            byte[] bytes;
            synchronized (got) {
                bytes = got.toByteArray();
            }
            Matcher m = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            return new Raw(m.find() ? Integer.parseInt(m.group(1)) : -1, bytes);
        }
    }

    /** Whether a whole answer with a Content-Length has come (the service may keep the connection open). */
    private static boolean complete(ByteArrayOutputStream got) {
        String text;
        synchronized (got) {
            text = got.toString(StandardCharsets.ISO_8859_1);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, end));
        if (!m.find()) {
            return false; // chunked or closed: read to the end
        }
        return text.length() - end - 4 >= Long.parseLong(m.group(1));
    }

    // ---- small things

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpRequest post(URI base, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(EVALUATE)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return sha().digest(bytes);
    }

    /** The SHA-256 of the expected answer, in hex. */
    public String expectedSha256() {
        return HexFormat.of().formatHex(expectedSha);
    }

    private static String text(byte[] body, int max) {
        String s = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }

    static String ms(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms",
                ms);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
