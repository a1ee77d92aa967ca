package org.isoscoring.server;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.isoscoring.api.Problem;

/**
 * The answers Jetty gives itself (a malformed request, headers too large, too many requests waiting, a request
 * during shutdown) as the same problem details the service writes, never an HTML page or a stack trace.
 */
final class ErrorAnswers extends ErrorHandler {

    private final BooleanSupplier stopping;

    ErrorAnswers(BooleanSupplier stopping) {
        this.stopping = stopping;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        refusal(response.getStatus(), message == null ? null : message.toString()).write(request, response, callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Refusal.MEDIA_TYPE + "; charset=utf-8");
        return ByteBuffer.wrap(refusal(status, reason).body(false));
    }

    private Refusal refusal(int status, String reason) {
        String said = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return switch (status) {
            case 400, 414 -> Refusal.of(status, "bad-request", said, "yêu cầu HTTP không đúng: " + said);
            case 404 -> Refusal.of(status, "not-found", said, "không có tài nguyên này");
            case 408 -> Refusal.of(status, "request-timeout", said, "thân yêu cầu đến quá chậm");
            case 413 -> Refusal.of(status, "too-large", said, "thân yêu cầu quá lớn");
            case 431 -> Refusal.of(status, "headers-too-large", said, "phần đầu yêu cầu quá lớn");
            case 503 -> stopping.getAsBoolean()
                    ? Refusal.of(status, "stopping", "the service is stopping; send the request again to "
                    + "another instance or once it has restarted", "dịch vụ đang dừng; hãy gửi lại yêu cầu tới dịch vụ "
                    + "khác hoặc khi dịch vụ đã chạy lại")
                    : new Refusal(status, "busy", List.of(new Problem("", "too many requests at once: try again "
                    + "in a moment", "quá nhiều yêu cầu cùng lúc: hãy thử lại sau giây lát")),
                    Map.of(HttpHeader.RETRY_AFTER.asString(), "1"));
            case 500 -> Refusal.of(status, "internal-error", "the service failed; its log says why",
                    "dịch vụ bị lỗi; nhật ký của dịch vụ ghi lý do");
            default -> Refusal.of(status, "http-error", "HTTP " + status + ": " + said, "lỗi HTTP " + status + ": "
                    + said);
        };
    }
}
