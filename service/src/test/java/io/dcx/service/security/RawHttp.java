package io.dcx.service.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests exactly as written: the path and query are sent as given (already percent-encoded where they must be, raw
 * {@code ../} and {@code %00} kept), the body as bytes, the content type untouched (rest-assured would add a
 * charset or re-encode). {@link #call} never throws for a status; a connection the server closes is a
 * {@link Reply} with status -1.
 */
final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    RawHttp(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    record Reply(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem's {@code code}, or null when the body is not a problem with a code. */
        String code() {
            if (!isProblem()) {
                return null;
            }
            try {
                JsonNode n = ApiOperations.JSON.readTree(body);
                return n.hasNonNull("code") ? n.get("code").asText() : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + contentType + " " + (t.length() > 300 ? t.substring(0, 300) + "..." : t);
        }
    }

    /** A request to send: method, raw path with query, headers (a null value leaves the header out), body bytes. */
    record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        Request {
            headers = headers == null ? Map.of() : headers;
        }

        String describe() {
            String p = pathAndQuery.length() > 160 ? pathAndQuery.substring(0, 160) + "...(" + pathAndQuery.length()
                    + " chars)" : pathAndQuery;
            return method + " " + p + " " + headers.getOrDefault("Content-Type", "")
                    + (body == null ? "" : " [" + body.length + " bytes]");
        }
    }

    Reply call(Request r) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + r.pathAndQuery())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + r.describe(), e);
        }
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (h.getValue() != null) {
                b.header(h.getKey(), h.getValue());
            }
        }
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        b.method(r.method(), body);
        try {
            HttpResponse<byte[]> resp = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null), resp.body());
        } catch (IOException e) {
            return new Reply(-1, null, String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> headers(String... nameValue) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            h.put(nameValue[i], nameValue[i + 1]);
        }
        return h;
    }

    /** A multipart/form-data body of text parts and, if {@code file} is not null, one file part named "file". */
    static byte[] multipart(String boundary, Map<String, byte[]> fields, byte[] file, String fileType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, byte[]> f : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(f.getValue());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\""
                        + "\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(file);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
