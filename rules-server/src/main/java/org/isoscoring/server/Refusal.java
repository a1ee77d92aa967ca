package org.isoscoring.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.isoscoring.api.Label;
import org.isoscoring.api.Problem;

/**
 * A request the service does not answer with a result: its status, what kind of refusal it is, and every problem,
 * written as RFC 9457 problem details ({@code application/problem+json}) in the language the caller's
 * {@code Accept-Language} prefers, with both languages beside it (docs/service.md).
 */
final class Refusal extends RuntimeException {

    /** The media type of a refusal. */
    static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The kinds of refusal, by the last part of their {@code type}: a caller may branch on it. */
    private static final Map<String, Label> TITLES = Map.ofEntries(
            Map.entry("bad-request", new Label("Yêu cầu HTTP không đúng cú pháp", "The HTTP request is malformed")),
            Map.entry("not-found", new Label("Không có tài nguyên này", "No such resource")),
            Map.entry("method-not-allowed", new Label("Địa chỉ này không nhận phương thức này",
                    "This resource does not take this method")),
            Map.entry("not-acceptable", new Label("Không trả được kiểu nội dung được yêu cầu (Accept)",
                    "None of the media types asked for (Accept) can be given")),
            Map.entry("request-timeout", new Label("Thân yêu cầu đến quá chậm", "The request body came too slowly")),
            Map.entry("too-large", new Label("Thân yêu cầu quá lớn", "The request body is too large")),
            Map.entry("unsupported-media-type", new Label("Kiểu nội dung không được hỗ trợ (Content-Type)",
                    "The media type is not supported (Content-Type)")),
            Map.entry("request-rejected", new Label("Yêu cầu chấm điểm bị từ chối",
                    "The scoring request is rejected")),
            Map.entry("headers-too-large", new Label("Phần đầu yêu cầu quá lớn", "The request headers are too large")),
            Map.entry("rules-defective", new Label("Bộ quy tắc bị lỗi", "The guidance's rules are defective")),
            Map.entry("internal-error", new Label("Lỗi nội bộ của dịch vụ", "The service failed")),
            Map.entry("guidance-unavailable", new Label("Bộ tiêu chí không tải được",
                    "The guidance could not be loaded")),
            Map.entry("busy", new Label("Dịch vụ đang bận", "The service is busy")),
            Map.entry("stopping", new Label("Dịch vụ đang dừng", "The service is stopping")),
            Map.entry("too-slow", new Label("Chấm điểm quá thời gian cho phép", "Scoring took longer than allowed")),
            Map.entry("http-error", new Label("Lỗi HTTP", "HTTP error")));

    /** The {@code type} URI of a kind of refusal. */
    static String type(String code) {
        return "urn:iso-scoring:problem:" + code;
    }

    /**
     * The language of the answer: English when the caller's {@code Accept-Language} prefers English to Vietnamese,
     * else Vietnamese (no header, a header that cannot be read, or one that names neither).
     */
    static boolean english(Request request) {
        String header = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
        if (header == null) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                    return true;
                }
                if (range.getWeight() > 0 && (tag.equals("vi") || tag.startsWith("vi-"))) {
                    return false;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header that cannot be read is no preference
        }
        return false;
    }

    private final int status;
    private final String code;
    private final transient List<Problem> problems;
    private final transient Map<String, String> headers;

    Refusal(int status, String code, List<Problem> problems) {
        this(status, code, problems, Map.of());
    }

    Refusal(int status, String code, List<Problem> problems, Map<String, String> headers) {
        super(code, null, false, false);
        if (!TITLES.containsKey(code)) {
            throw new IllegalArgumentException("unknown refusal " + code);
        }
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    /** A refusal with one problem of the request as a whole. */
    static Refusal of(int status, String code, String en, String vi) {
        return new Refusal(status, code, List.of(new Problem("", en, vi)));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Writes this refusal as the whole answer and completes the callback. */
    void write(Request request, Response response, Callback callback) {
        boolean english = english(request);
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, english ? "en" : "vi");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(english)), callback);
    }

    /** The problem details, in the language chosen. */
    byte[] body(boolean english) {
        Label title = TITLES.get(code);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", type(code));
        root.put("title", title.text(english));
        root.put("status", status);
        root.put("detail", problems.size() == 1 ? problems.get(0).toString(english)
                : problems.size() + (english ? " problems" : " vấn đề"));
        var list = root.putArray("problems");
        for (Problem p : problems) {
            list.addObject().put("place", p.place()).put("message", p.message(english)).put("en", p.message())
                    .put("vi", p.messageVi());
        }
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a refusal", e);
        }
    }
}
