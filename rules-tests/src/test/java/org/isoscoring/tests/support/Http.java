package org.isoscoring.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isoscoring.server.ScoringService;
import org.isoscoring.server.Settings;

/**
 * The scoring service started in this JVM on a free loopback port, and a client for it (the JDK's): the tests start
 * and stop it themselves.
 *
 * <pre>{@code
 * try (Http http = Http.start()) {
 *     Http.Answer answer = http.post("/v1/evaluate", "application/json", bytes);
 * }
 * }</pre>
 */
public final class Http implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status, headers and body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final ScoringService service;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http(ScoringService service) {
        this.service = service;
    }

    /** The service with the default settings (the bundled guidances) on a free port. */
    public static Http start() {
        return start(Settings.defaults().withPort(0));
    }

    /** The service with these settings. */
    public static Http start(Settings settings) {
        return new Http(ScoringService.start(settings));
    }

    public ScoringService service() {
        return service;
    }

    public URI uri(String path) {
        return service.uri().resolve(path);
    }

    public Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Answer post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, headers);
    }

    public Answer post(String path, String contentType, Path file, String... headers) {
        try {
            return post(path, contentType, Files.readAllBytes(file), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request built by the caller, with these header names and values, in pairs. */
    public Answer send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
    }

    /**
     * A POST written by hand on a connection of its own, with {@code Connection: close}, its body held back after
     * its first bytes: a request in flight, which the test finishes ({@link #rest()}) or leaves hanging.
     */
    public static final class InFlight implements AutoCloseable {
        private final java.net.Socket socket;
        private final byte[] body;
        private final int sent;

        private InFlight(java.net.Socket socket, byte[] body, int sent) {
            this.socket = socket;
            this.body = body;
            this.sent = sent;
        }

        /** Sends the headers and the first {@code first} bytes of a JSON body to {@code path}. */
        public static InFlight post(URI base, String path, byte[] body, int first, String... headers)
                throws IOException {
            java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            var out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, first);
            out.flush();
            return new InFlight(socket, body, first);
        }

        /** Sends the rest of the body. */
        public InFlight rest() throws IOException {
            socket.getOutputStream().write(body, sent, body.length - sent);
            socket.getOutputStream().flush();
            return this;
        }

        /** The whole answer, status line, headers and body, as text: read until the service closes. */
        public String answer() throws IOException {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        /** The answer read until the service closes, as status, headers and body (a chunked body decoded). */
        public Answer parsedAnswer() throws IOException {
            byte[] raw = socket.getInputStream().readAllBytes();
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IOException("no HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                var decoded = new java.io.ByteArrayOutputStream();
                int at = 0;
                while (true) {
                    int lineEnd = new String(body, at, body.length - at, StandardCharsets.ISO_8859_1).indexOf("\r\n");
                    int size = Integer.parseInt(new String(body, at, lineEnd, StandardCharsets.ISO_8859_1).trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    decoded.write(body, at + lineEnd + 2, size);
                    at += lineEnd + 2 + size + 2;
                }
                body = decoded.toByteArray();
            }
            return new Answer(status, headers, body);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
