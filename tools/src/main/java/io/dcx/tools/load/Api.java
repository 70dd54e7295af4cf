package io.dcx.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The load run's HTTP client: every call is timed and recorded (kind, start, end, status, problem code), and
 * answers the status and the JSON body. A call that gets no HTTP answer (connection refused, reset, timeout) answers
 * status 0 with the exception's class as its code; it never throws.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: HTTP status (0: none), JSON body (missing when none or not JSON), problem code, headers. */
    record Reply(int status, JsonNode body, String code, String detail, Map<String, java.util.List<String>> headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    private final HttpClient http;
    private final String base;
    private final Recorder recorder;
    private final long t0;
    private final Duration timeout;

    Api(String base, Recorder recorder, long t0Nanos, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.recorder = recorder;
        this.t0 = t0Nanos;
        this.timeout = timeout;
    }

    long nowMs() {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    Reply get(String kind, String path, String token) {
        return send(kind, request(path, token).GET());
    }

    Reply post(String kind, String path, String token, Object body, String idempotencyKey) {
        HttpRequest.Builder b = request(path, token)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(kind, b);
    }

    Reply put(String kind, String path, String token, Object body) {
        return send(kind, request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** multipart/form-data with text fields and one file part named {@code file}. */
    Reply postFile(String kind, String path, String token, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "dcxload" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(kind, request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** An x-www-form-urlencoded POST to an absolute URL (Keycloak's token endpoint); recorded like the rest. */
    Reply form(String kind, String url, Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(kind, HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(s.toString())));
    }

    /** A JSON request to an absolute URL (Keycloak's admin API); recorded like the rest. */
    Reply json(String kind, String method, String url, String token, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return send(kind, b);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(String kind, HttpRequest.Builder request) {
        long start = nowMs();
        int status;
        JsonNode body = MissingNode.getInstance();
        String code;
        String detail;
        Map<String, java.util.List<String>> headers = Map.of();
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            headers = response.headers().map();
            byte[] bytes = response.body();
            if (bytes != null && bytes.length > 0) {
                try {
                    body = JSON.readTree(bytes);
                } catch (IOException notJson) {
                    body = MissingNode.getInstance();
                }
            }
            code = status >= 400 ? body.path("code").asText(status >= 500 ? "HTTP_" + status : null) : null;
            detail = status >= 400 ? (body.isMissingNode() ? new String(bytes == null ? new byte[0] : bytes,
                    StandardCharsets.UTF_8) : body.path("detail").asText("")) : null;
        } catch (IOException e) {
            status = 0;
            code = e.getClass().getSimpleName();
            detail = String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
            code = "Interrupted";
            detail = "interrupted";
        }
        if (detail != null && detail.length() > 300) {
            detail = detail.substring(0, 300) + "...";
        }
        recorder.add(new Recorder.Sample(kind, start, nowMs(), status, code, detail));
        return new Reply(status, body, code, detail, headers);
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
