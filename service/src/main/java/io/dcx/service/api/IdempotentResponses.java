package io.dcx.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.idempotency.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Answers a mutating request through {@link Idempotency} when it carries an {@code Idempotency-Key}: the request is
 * identified by method, path and its JSON body as parsed (so whitespace does not matter), the response stored is
 * the status and JSON body, and a replay is marked {@code Idempotent-Replayed: true}. Without a key the call just
 * runs. Any endpoint can use it:
 *
 * <pre>{@code
 * return idempotent.respond(caller.accountId(), key, "POST", path, body, () -> new Reply(201, dto));
 * }</pre>
 */
@ApplicationScoped
public class IdempotentResponses {
    public static final String REPLAYED = "Idempotent-Replayed";

    private final Idempotency idempotency;
    private final ObjectMapper json;

    public IdempotentResponses(Idempotency idempotency, ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    /** A status and the object to send as JSON. */
    public record Reply(int status, Object body) {
    }

    public Response respond(String scope, String key, String method, String path, Object request,
            Supplier<Reply> action) {
        return respond(scope, key, method, path, request, action, false);
    }

    /**
     * For an action that commits its own steps and may wait on outside systems (a purchase and its settlement
     * saga): the key is claimed and answered in short transactions of their own ({@link Idempotency#executeDetached}).
     */
    public Response respondDetached(String scope, String key, String method, String path, Object request,
            Supplier<Reply> action) {
        return respond(scope, key, method, path, request, action, true);
    }

    private Response respond(String scope, String key, String method, String path, Object request,
            Supplier<Reply> action, boolean detached) {
        if (key == null) {
            Reply reply = action.get();
            return Response.status(reply.status()).type(MediaType.APPLICATION_JSON).entity(write(reply.body())).build();
        }
        Idempotency.validKey(key);
        String requestHash = sha256(method + " " + path + "\n" + write(request));
        Supplier<Idempotency.Response> stored = () -> {
            Reply reply = action.get();
            return new Idempotency.Response(reply.status(), write(reply.body()));
        };
        Idempotency.Outcome outcome = detached ? idempotency.executeDetached(scope, key, requestHash, stored)
                : idempotency.execute(scope, key, requestHash, stored);
        Response.ResponseBuilder response = Response.status(outcome.response().status())
                .type(MediaType.APPLICATION_JSON)
                .entity(outcome.response().body());
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
