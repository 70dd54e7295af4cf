package io.dcx.service.application.port;

import java.time.Instant;
import java.util.Optional;

/** Idempotency keys with the hash of the request that first used them and the response it got. */
public interface IdempotencyStore {
    /**
     * Claims the key for this transaction. Answers empty when claimed; otherwise the record of an earlier request
     * (a concurrent claim waits until the other transaction ends). A record without a status is a detached claim
     * still in progress.
     */
    Optional<Stored> claim(String scope, String key, String requestHash);

    void complete(String scope, String key, int status, String body);

    /**
     * Claims the key in a transaction of its own for an action that runs outside it: answers a claim that is {@link Claim#ours} when
     * the key was free, or held by an execution whose lease ended before {@code now} (taken over); otherwise the
     * record as it stands (completed, or in progress under another token).
     */
    Claim claimDetached(String scope, String key, String requestHash, String token, Instant now, Instant leaseUntil);

    /** Stores the answer of a detached claim, if {@code token} still holds it; answers whether it did. */
    boolean completeDetached(String scope, String key, String token, int status, String body);

    /** Gives a detached claim up (its action failed), if {@code token} still holds it. */
    void releaseDetached(String scope, String key, String token);

    /** A key's record: {@code status} 0 while a detached claim is in progress. */
    record Stored(String requestHash, int status, String body) {
        public boolean inProgress() {
            return status == 0;
        }
    }

    /** The outcome of a detached claim: won, or the record that is there. */
    record Claim(boolean ours, Stored existing) {
        public static Claim taken() {
            return new Claim(true, null);
        }
    }
}
