package io.dcx.service.application.port;

import java.util.Optional;

/** Idempotency keys with the hash of the request that first used them and the response it got. */
public interface IdempotencyStore {
    /**
     * Claims the key for this transaction. Answers empty when claimed; otherwise the completed record of an earlier
     * request (a concurrent claim waits until the other transaction ends).
     */
    Optional<Stored> claim(String scope, String key, String requestHash);

    void complete(String scope, String key, int status, String body);

    record Stored(String requestHash, int status, String body) {
    }
}
