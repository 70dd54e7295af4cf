package io.dcx.service.application.port;

/**
 * Keyed one-way hashes of personal facts, so equal facts can be found without storing them readable. The key is
 * separate from the encryption key: it cannot decrypt anything, and guessing an 11-digit phone number from its hash
 * needs the key.
 */
public interface SignalHasher {
    /** A hex HMAC of {@code purpose} and {@code value}; equal inputs give equal hashes. */
    String hash(String purpose, String value);
}
