package io.dcx.service.infrastructure.evm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.web3j.protocol.Service;

/**
 * web3j's JSON-RPC transport over the JDK's HTTP client (web3j's own OkHttp transport is excluded from the build:
 * the Fabric shim brings another OkHttp major version). A refused connection surfaces as
 * {@link java.net.ConnectException}, which {@link EvmNode} reads as "certainly not delivered".
 */
public final class JdkHttpService extends Service {
    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;

    public JdkHttpService(String url, Duration timeout) {
        super(false);
        this.uri = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    protected InputStream performIO(String payload) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("JSON-RPC " + uri + " answered HTTP " + response.statusCode());
        }
        return new ByteArrayInputStream(response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
