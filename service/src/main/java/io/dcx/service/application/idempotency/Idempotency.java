package io.dcx.service.application.idempotency;

import io.dcx.service.application.port.IdempotencyStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes a mutating request safe to retry with an {@code Idempotency-Key}. The key is claimed, the action run and
 * its response stored in one transaction: a retry with the same key and the same request gets the stored
 * response without running the action again; the same key with a different request is IDEMPOTENCY_KEY_REUSED
 * (422). A failed action rolls the claim back with everything else, so the retry runs for real. A concurrent
 * request with the same key waits for the first to finish. Keys are scoped (per account), so two callers never
 * collide.
 *
 * <p>Use it for any endpoint: wrap the use case call in {@link #execute} and answer what it returns. An action that
 * commits its own steps and may wait on outside systems (a purchase runs its settlement saga, which can wait on the
 * chain and the payment rail) uses {@link #executeDetached} instead, so that no pooled connection is held while it
 * runs.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    /** How often a request polls a detached claim another execution holds. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final IdempotencyStore store;
    private final Duration lease;

    public Idempotency(IdempotencyStore store,
            @ConfigProperty(name = "dcx.idempotency.lease", defaultValue = "PT30S") Duration lease) {
        this.store = store;
        this.lease = lease;
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
                throw reused(key);
            }
            if (stored.inProgress()) {
                throw inProgress(key);
            }
            return new Outcome(new Response(stored.status(), stored.body()), true);
        }
        Response response = action.get();
        store.complete(scope, key, response.status(), response.body());
        return new Outcome(response, false);
    }

    /**
     * Like {@link #execute}, for an action that must not run inside a transaction (it commits its own steps). The
     * key is claimed in a short transaction and stays in progress while the action runs; the answer is stored in
     * another. A failed action gives the claim up, so the retry runs for real. A concurrent request with the same
     * key waits for the answer; a claim whose holder crashed (its lease of {@code dcx.idempotency.lease} ran out)
     * is taken over and the action run again, which is why the action must be safe to repeat: a repeated purchase
     * finds the listing it reserved and is refused, it never buys twice. Waiting longer than a lease without an
     * answer is IDEMPOTENT_REQUEST_IN_PROGRESS (409): the client retries later.
     */
    public Outcome executeDetached(String scope, String key, String requestHash, Supplier<Response> action) {
        validKey(key);
        String token = UUID.randomUUID().toString();
        Instant giveUp = Instant.now().plus(lease);
        while (true) {
            Instant now = Instant.now();
            IdempotencyStore.Claim claim = store.claimDetached(scope, key, requestHash, token, now, now.plus(lease));
            if (claim.ours()) {
                break;
            }
            IdempotencyStore.Stored stored = claim.existing();
            if (!stored.requestHash().equals(requestHash)) {
                throw reused(key);
            }
            if (!stored.inProgress()) {
                return new Outcome(new Response(stored.status(), stored.body()), true);
            }
            if (now.isAfter(giveUp)) {
                throw inProgress(key);
            }
            sleep();
        }
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            store.releaseDetached(scope, key, token);
            throw e;
        }
        store.completeDetached(scope, key, token, response.status(), response.body());
        return new Outcome(response, false);
    }

    private static DcxException inProgress(String key) {
        return new DcxException(ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS, "a request with this Idempotency-Key is"
                + " still being processed; repeat it later", Map.of("idempotencyKey", key));
    }

    private static DcxException reused(String key) {
        return new DcxException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was used for a different request", Map.of("idempotencyKey", key));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DcxException(ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS, "interrupted while waiting for the"
                    + " earlier request with this Idempotency-Key");
        }
    }
}
