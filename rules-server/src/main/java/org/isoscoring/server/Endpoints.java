package org.isoscoring.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RequestSchema;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.Sample;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.xlsx.Workbooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's endpoints (docs/service.md, openapi.json): it reads a request, scores it with the shared
 * {@link Guidances} on a scoring thread within the request's time, and writes the FORMAT.md result, the results
 * workbook, a sample, or a {@link Refusal}.
 */
final class Endpoints extends Handler.Abstract {

    static final String JSON = "application/json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SCHEMA = "application/schema+json";
    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(sortedSets());

    private final Guidances guidances;
    private final Settings settings;
    private final ExecutorService scoring;
    /** The OpenAPI document, made on its first request: a start need not wait for it. */
    private final java.util.concurrent.CompletableFuture<byte[]> openApi = new java.util.concurrent.CompletableFuture<>();
    private final long started = System.nanoTime();

    Endpoints(Guidances guidances, Settings settings, ExecutorService scoring) {
        this.guidances = guidances;
        this.settings = settings;
        this.scoring = scoring;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long deadline = request.getHeadersNanoTime() + settings.requestTimeout().toNanos();
        try {
            route(request, response, callback, deadline);
        } catch (Refusal refusal) {
            answer(refusal, request, response, callback, deadline);
        } catch (RequestRejectedException rejected) {
            answer(new Refusal(422, "request-rejected", rejected.problems()), request, response, callback, deadline);
        } catch (Guidances.UnavailableException e) {
            answer(unavailable(e.folder()), request, response, callback, deadline);
        } catch (RulesException broken) {
            LOG.error("the rules of {} are defective: {}", broken.getMessage(), broken.messages());
            answer(new Refusal(500, "rules-defective", broken.findings().stream().map(Endpoints::problem).toList()),
                    request, response, callback, deadline);
        } catch (org.eclipse.jetty.http.HttpException.IllegalArgumentException
                 | org.eclipse.jetty.http.HttpException.IllegalStateException malformed) { // e.g. ?%zz=1
            answer(Refusal.of(400, "bad-request", "the query string cannot be read: " + malformed.getMessage(),
                    "không đọc được chuỗi truy vấn: " + malformed.getMessage()), request, response, callback,
                    deadline);
        } catch (UncheckedIOException | IOException gone) { // the caller went away while the answer was written
            LOG.info("{} {}: the connection broke: {}", request.getMethod(), request.getHttpURI().getPath(),
                    gone.getMessage());
            callback.failed(gone);
        } catch (Throwable e) {
            LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
            answer(Refusal.of(500, "internal-error", "the service failed; its log says why",
                    "dịch vụ bị lỗi; nhật ký của dịch vụ ghi lý do"), request, response, callback, deadline);
        }
        return true;
    }

    /** Reads what is left of a refused request's body, up to the body limit and within the request's time. */
    private void drain(Request request, long deadline) {
        byte[] chunk = new byte[64 * 1024];
        long read = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n; (n = in.read(chunk)) != -1 && read <= settings.maxBodyBytes()
                    && System.nanoTime() - deadline < 0; ) {
                read += n;
            }
        } catch (IOException | RuntimeException gone) {
            // the caller stopped sending: the answer goes out as it is
        }
    }

    private void answer(Refusal refusal, Request request, Response response, Callback callback, long deadline) {
        if (response.isCommitted()) {
            callback.failed(refusal);
            return;
        }
        response.reset();
        if (refusal.status() != 413 && refusal.status() != 408) {
            drain(request, deadline); // a caller that sends its whole body before it reads gets the answer too
        } else {
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the rest of the body is not read
        }
        refusal.write(request, response, callback);
    }

    private byte[] openApi() {
        if (!openApi.isDone()) {
            openApi.complete(OpenApi.document(guidances.guidances())); // the same bytes whoever makes it first
        }
        return openApi.join();
    }

    private void route(Request request, Response response, Callback callback, long deadline) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        List<String> parts = List.of(path.split("/", -1));
        switch (path) {
            case "/", "" -> get(method, () -> write(response, callback, 200, JSON, json(index())));
            case "/health" -> get(method, () -> health(response, callback));
            case "/openapi.json" -> get(method, () -> write(response, callback, 200, JSON, openApi()));
            case "/v1/guidances" -> get(method, () -> write(response, callback, 200, JSON, json(list())));
            case "/v1/evaluate" -> post(method, () -> evaluate(request, response, callback, deadline));
            case "/v1/sample" -> post(method, () -> sample(request, response, callback, deadline));
            default -> {
                if (parts.size() == 4 && path.startsWith("/v1/guidances/")) {
                    get(method, () -> write(response, callback, 200, JSON, json(declarations(guidance(parts.get(3))))));
                } else if (parts.size() == 5 && path.startsWith("/v1/guidances/") && parts.get(4).equals("schema")) {
                    get(method, () -> write(response, callback, 200, SCHEMA,
                            RequestSchema.of(guidance(parts.get(3))).getBytes(StandardCharsets.UTF_8)));
                } else {
                    throw notFound(path);
                }
            }
        }
    }

    /** What an endpoint does once its method is right. */
    private interface Action {
        void run() throws Exception;
    }

    private static void get(String method, Action action) throws Exception {
        only("GET", method, action);
    }

    private static void post(String method, Action action) throws Exception {
        only("POST", method, action);
    }

    private static void only(String allowed, String method, Action action) throws Exception {
        if (!method.equals(allowed)) {
            throw new Refusal(405, "method-not-allowed", List.of(new Problem("", method + " is not allowed here: "
                    + "use " + allowed, "không dùng " + method + " ở đây: hãy dùng " + allowed)),
                    Map.of(HttpHeader.ALLOW.asString(), allowed));
        }
        action.run();
    }

    private static Refusal notFound(String path) {
        return Refusal.of(404, "not-found", "no resource " + path + " (see /openapi.json)",
                "không có tài nguyên " + path + " (xem /openapi.json)");
    }

    private GuidanceInfo guidance(String id) {
        return guidances.info(id).orElseThrow(() -> guidances.failed(id).<RuntimeException>map(
                u -> new Guidances.UnavailableException(u)).orElseGet(() -> Refusal.of(404, "not-found",
                "no guidance \"" + id + "\" is served (see /v1/guidances)", "không có bộ tiêu chí \"" + id
                        + "\" (xem /v1/guidances)")));
    }

    private static Refusal unavailable(Guidances.Unavailable folder) {
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem("guidance", "the guidance " + folder.id() + " could not be loaded from its folder; "
                + "its problems follow: correct them (iso-scoring check) and restart the service",
                "bộ tiêu chí " + folder.id() + " không tải được từ thư mục của nó; các lỗi ở dưới: hãy sửa (iso-scoring"
                        + " check) rồi khởi động lại dịch vụ"));
        folder.problems().forEach(f -> problems.add(problem(f)));
        return new Refusal(503, "guidance-unavailable", problems);
    }

    /**
     * A defect of a guidance as a problem of the answer: placed at its {@code file:line:column}, or nowhere when it
     * has no file (a defect found while scoring, whose one text is both messages).
     */
    private static Problem problem(Finding defect) {
        boolean placed = !defect.file().isEmpty() || defect.line() > 0 || defect.column() > 0;
        return new Problem(placed ? defect.place() : "", defect.messageEn(), defect.messageVi());
    }

    // ---- scoring

    private void evaluate(Request request, Response response, Callback callback, long deadline) throws Exception {
        noParameters(request);
        boolean workbook = answersWorkbook(request);
        Input input = input(request, deadline);
        ScoredRequest scored = within(deadline, () -> {
            ScoringRequest parsed = input.read(guidances);
            return new ScoredRequest(parsed, guidances.evaluate(parsed));
        });
        ScoringResult result = scored.result();
        response.getHeaders().put("X-Guidance", result.guidance());
        response.getHeaders().put("X-Rules-Hash", result.rulesHash());
        if (workbook) {
            GuidanceInfo guidance = guidances.info(result.guidance()).orElseThrow();
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, XLSX);
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + result.guidance()
                    + "-" + result.year() + "-results.xlsx\"");
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                Workbooks.writeResults(scored.request(), result, guidance, Refusal.english(request), out);
            }
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON + "; charset=utf-8");
        // as it goes, in large writes (a result is megabytes): the same bytes as evaluate --json
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            ScoringJson.writeResult(result, out);
        }
        callback.succeeded();
    }

    private record ScoredRequest(ScoringRequest request, ScoringResult result) {
    }

    private void sample(Request request, Response response, Callback callback, long deadline) throws Exception {
        Fields query = Request.extractQueryParameters(request);
        List<Problem> problems = new ArrayList<>();
        for (String name : query.getNames()) {
            if (!Set.of("seed", "district", "purpose").contains(name)) {
                problems.add(new Problem("?" + name, "unknown parameter: give seed, and district or purpose if need "
                        + "be", "không có tham số này: hãy cho seed, và district hoặc purpose nếu cần"));
            } else if (query.getValues(name).size() > 1) {
                problems.add(new Problem("?" + name, "given more than once", "được cho nhiều lần"));
            }
        }
        if (query.getValue("seed") == null) {
            problems.add(new Problem("?seed", "the seed is missing: a public text, for example "
                    + "?seed=2022-11-02%20QĐ%202532", "thiếu hạt giống: một văn bản công khai, ví dụ "
                    + "?seed=2022-11-02%20QĐ%202532"));
        }
        if (!problems.isEmpty()) {
            throw new RequestRejectedException(problems);
        }
        acceptsJson(request);
        Input input = input(request, deadline);
        Sample sample = within(deadline, () -> {
            ScoringRequest parsed = input.read(guidances);
            ScoringResult result = guidances.evaluate(parsed);
            GuidanceInfo guidance = guidances.guidanceFor(parsed.guidance(), parsed.year());
            try {
                return Sample.of(parsed, result, guidance, query.getValue("district"), query.getValue("seed"),
                        query.getValue("purpose"));
            } catch (RequestRejectedException e) { // placed at the parameter: ?district, ?seed, ?purpose
                throw new RequestRejectedException(e.problems().stream().map(p -> p.place().isEmpty() ? p
                        : new Problem("?" + p.place(), p.message(), p.messageVi())).toList());
            }
        });
        write(response, callback, 200, JSON, ScoringJson.writeSample(sample).getBytes(StandardCharsets.UTF_8));
    }

    private static void noParameters(Request request) {
        Fields query = Request.extractQueryParameters(request);
        if (query.getSize() > 0) {
            throw new RequestRejectedException(query.getNames().stream().map(name -> new Problem("?" + name,
                    "this endpoint takes no parameters", "địa chỉ này không nhận tham số")).toList());
        }
    }

    /** Runs the reading and scoring of a request on a scoring thread, within what is left of its time. */
    private <T> T within(long deadline, java.util.concurrent.Callable<T> work) throws Exception {
        Future<T> future;
        try {
            future = submit(work);
        } catch (RejectedExecutionException full) {
            throw new Refusal(503, "busy", List.of(new Problem("", "every scoring thread is busy: try again in a "
                    + "moment", "mọi luồng chấm điểm đang bận: hãy thử lại sau giây lát")),
                    Map.of(HttpHeader.RETRY_AFTER.asString(), "1"));
        }
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            future.cancel(false); // not interrupted: an interrupt in the middle of loading a class would break it
            throw Refusal.of(503, "too-slow", "scoring took longer than the request time limit of "
                    + Settings.time(" ", settings.requestTimeout()) + " (--request-timeout)", "chấm điểm lâu hơn giới hạn "
                    + Settings.time(" ", settings.requestTimeout()) + " của một yêu cầu (--request-timeout)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** Submits to the scoring pool; a full queue is first rid of the scorings given up at their deadline. */
    private <T> Future<T> submit(java.util.concurrent.Callable<T> work) {
        try {
            return scoring.submit(work);
        } catch (RejectedExecutionException full) {
            if (scoring instanceof java.util.concurrent.ThreadPoolExecutor pool) {
                pool.purge(); // cancelled ones still hold their place in the queue until purged
            }
            return scoring.submit(work);
        }
    }

    // ---- the body

    /** A request body and how to read it. */
    private record Input(byte[] body, boolean workbook) {
        ScoringRequest read(Guidances engine) {
            return workbook ? Workbooks.readRequest(new ByteArrayInputStream(body), engine)
                    : ScoringJson.readRequest(new ByteArrayInputStream(body), engine);
        }
    }

    private Input input(Request request, long deadline) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String base = contentType == null ? null : MimeTypes.getBase(contentType).toLowerCase(java.util.Locale.ROOT);
        boolean workbook = XLSX.equals(base);
        if (!JSON.equals(base) && !workbook) {
            throw Refusal.of(415, "unsupported-media-type", (contentType == null ? "no Content-Type"
                    : "Content-Type " + contentType + " is not supported") + ": send " + JSON + " (FORMAT.md) or "
                    + XLSX + " (a form made by iso-scoring form)", (contentType == null ? "thiếu Content-Type"
                    : "không hỗ trợ Content-Type " + contentType) + ": hãy gửi " + JSON + " (FORMAT.md) hoặc " + XLSX
                    + " (biểu mẫu do iso-scoring form tạo)");
        }
        String charset = MimeTypes.getCharsetFromContentType(contentType);
        if (!workbook && charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw Refusal.of(415, "unsupported-media-type", "charset " + charset + " is not supported: FORMAT.md "
                    + "JSON is UTF-8", "không hỗ trợ bảng mã " + charset + ": JSON của FORMAT.md là UTF-8");
        }
        return new Input(body(request, deadline), workbook);
    }

    private byte[] body(Request request, long deadline) {
        long max = settings.maxBodyBytes();
        long length = request.getLength();
        if (length > max) {
            throw tooLarge(max);
        }
        // grown as the bytes come, never sized by what Content-Length announces: headers cost no memory
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(length, 0), 64 * 1024));
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n; (n = in.read(chunk)) != -1; ) {
                if (body.size() + (long) n > max) {
                    throw tooLarge(max);
                }
                body.write(chunk, 0, n);
                if (System.nanoTime() - deadline > 0) {
                    throw slowBody();
                }
            }
        } catch (IOException | UncheckedIOException e) { // the connection broke, or stayed silent too long
            throw slowBody();
        }
        if (body.size() == 0) {
            throw new RequestRejectedException(List.of(new Problem("", "the request body is empty: send the request",
                    "thân yêu cầu rỗng: hãy gửi yêu cầu")));
        }
        return body.toByteArray();
    }

    private Refusal tooLarge(long max) {
        return Refusal.of(413, "too-large", "the request body is larger than " + size(max) + ", the service's limit "
                + "(--max-body)", "thân yêu cầu lớn hơn " + size(max) + ", giới hạn của dịch vụ (--max-body)");
    }

    private Refusal slowBody() {
        return Refusal.of(408, "request-timeout", "the request body did not arrive within the request time limit of "
                + Settings.time(" ", settings.requestTimeout()) + ", or the connection stayed silent for "
                + Settings.time(" ", settings.idleTimeout()), "thân yêu cầu không đến hết trong giới hạn "
                + Settings.time(" ", settings.requestTimeout()) + ", hoặc kết nối im lặng quá "
                + Settings.time(" ", settings.idleTimeout()));
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    // ---- what the caller accepts

    /** Whether the caller asks for the results workbook rather than JSON ({@code Accept}). */
    private static boolean answersWorkbook(Request request) {
        String chosen = accepted(request, List.of(JSON, XLSX));
        return XLSX.equals(chosen);
    }

    private static void acceptsJson(Request request) {
        accepted(request, List.of(JSON));
    }

    /** The first of the offered media types the caller's {@code Accept} takes, in its order of preference. */
    private static String accepted(Request request, List<String> offered) {
        List<String> accept = request.getHeaders().getValuesList(HttpHeader.ACCEPT);
        if (accept.isEmpty()) {
            return offered.get(0);
        }
        QuotedQualityCSV values = new QuotedQualityCSV(QuotedQualityCSV.MOST_SPECIFIC_MIME_ORDERING);
        accept.forEach(values::addValue);
        for (String value : values.getValues()) {
            String type = MimeTypes.getBase(value).toLowerCase(java.util.Locale.ROOT);
            for (String offer : offered) {
                if (type.equals(offer) || type.equals("*/*")
                        || (type.endsWith("/*") && offer.startsWith(type.substring(0, type.length() - 1)))) {
                    return offer;
                }
            }
            if (type.equals(Refusal.MEDIA_TYPE)) {
                return offered.get(0); // asks for problems only: it gets them if there are any
            }
        }
        throw Refusal.of(406, "not-acceptable", "Accept " + String.join(", ", accept) + " takes none of "
                + String.join(", ", offered), "Accept " + String.join(", ", accept) + " không nhận kiểu nào trong "
                + String.join(", ", offered));
    }

    // ---- the documents

    private ObjectNode index() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("service", "iso-scoring");
        root.put("version", ScoringService.version());
        root.put("openapi", "/openapi.json");
        root.put("health", "/health");
        root.put("guidances", "/v1/guidances");
        root.put("evaluate", "/v1/evaluate");
        root.put("sample", "/v1/sample");
        return root;
    }

    private ObjectNode list() {
        ObjectNode root = MAPPER.createObjectNode();
        var served = root.putArray("guidances");
        for (GuidanceInfo g : guidances.guidances()) {
            ObjectNode n = served.addObject();
            n.put("id", g.id());
            n.put("title", g.title());
            g.years().forEach(n.putArray("years")::add);
            g.sources().forEach(n.putArray("sources")::add);
            if (g.notice() != null) {
                n.putObject("notice").put("vi", g.notice().vi()).put("en", g.notice().en());
            }
            n.put("declarations", "/v1/guidances/" + g.id());
            n.put("schema", "/v1/guidances/" + g.id() + "/schema");
        }
        unavailable(root);
        return root;
    }

    private void unavailable(ObjectNode root) {
        var failed = root.putArray("unavailable");
        for (Guidances.Unavailable u : guidances.unavailable()) {
            ObjectNode n = failed.addObject();
            n.put("id", u.id());
            n.put("folder", u.folder().toString());
            u.problems().stream().map(Finding::toString).forEach(n.putArray("problems")::add);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode declarations(GuidanceInfo guidance) {
        return MAPPER.valueToTree(guidance);
    }

    private void health(Response response, Callback callback) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", !guidances.ready() ? "starting"
                : guidances.unavailable().isEmpty() && !guidances.failedToLoad() ? "up" : "degraded");
        root.put("version", ScoringService.version());
        root.put("uptimeSeconds", (System.nanoTime() - started) / 1_000_000_000L);
        var ids = root.putArray("guidances");
        guidances.guidances().forEach(g -> ids.add(g.id()));
        unavailable(root);
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        root.putObject("memory").put("heapUsedBytes", memory.getUsed()).put("heapMaxBytes", memory.getMax());
        write(response, callback, 200, JSON, json(root));
    }

    private static byte[] json(Object node) {
        try {
            return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SimpleModule sortedSets() {
        return new SimpleModule().addSerializer((Class) Set.class, new SortedSet());
    }

    /** A set written sorted, so that the declarations are the same bytes from one start to the next. */
    private static final class SortedSet extends JsonSerializer<Set<?>> {
        @Override
        public void serialize(Set<?> set, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray();
            for (Object item : new TreeSet<>(set.stream().map(String::valueOf).toList())) {
                g.writeString(item.toString());
            }
            g.writeEndArray();
        }
    }
}
