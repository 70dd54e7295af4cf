package io.dcx.service.application.idempotency;

import io.dcx.service.application.port.IdempotencyStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a mutating request safe to retry with an {@code Idempotency-Key}. The key is claimed, the action run and
 * its response stored in one transaction: a retry with the same key and the same request gets the stored
 * response without running the action again; the same key with a different request is IDEMPOTENCY_KEY_REUSED
 * (422). A failed action rolls the claim back with everything else, so the retry runs for real. A concurrent
 * request with the same key waits for the first to finish. Keys are scoped (per account), so two callers never
 * collide.
 *
 * <p>Use it for any endpoint: wrap the use case call in {@link #execute} and answer what it returns.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;

    public Idempotency(IdempotencyStore store) {
        this.store = store;
    }

    /** A response as stored: status and JSON body. */
    public record Response(int status, String body) {
    }

    /** The response and whether it is a replay of an earlier request. */
    public record Outcome(Response response, boolean replayed) {
    }

    /** Refuses keys that are not 1 to 255 printable ASCII characters. */
    public static String validKey(String key) {
        if (key == null || !key.matches("[\\x21-\\x7E]{1,255}")) {
            throw new DcxException(ErrorCode.INVALID_IDEMPOTENCY_KEY,
                    HEADER + ": 1 to 255 printable ASCII characters without spaces");
        }
        return key;
    }

    @Transactional
    public Outcome execute(String scope, String key, String requestHash, Supplier<Response> action) {
        validKey(key);
        Optional<IdempotencyStore.Stored> earlier = store.claim(scope, key, requestHash);
        if (earlier.isPresent()) {
            IdempotencyStore.Stored stored = earlier.get();
            if (!stored.requestHash().equals(requestHash)) {
                throw new DcxException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for a different request", Map.of("idempotencyKey", key));
            }
            return new Outcome(new Response(stored.status(), stored.body()), true);
        }
        Response response = action.get();
        store.complete(scope, key, response.status(), response.body());
        return new Outcome(response, false);
    }
}
