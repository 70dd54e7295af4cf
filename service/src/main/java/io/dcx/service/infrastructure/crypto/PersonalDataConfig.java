package io.dcx.service.infrastructure.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Keys for personal data ({@code dcx.personal-data.*}), all secrets from the environment in production:
 * {@code key} (DCX_DATA_KEY, base64 of 32 random bytes, AES-256), {@code key-id} (DCX_DATA_KEY_ID, stored with
 * every value it encrypts), {@code old-keys} (DCX_DATA_OLD_KEYS, optional, {@code id:base64,id:base64}: keys
 * retired by a rotation that still decrypt older values) and {@code hash-key} (DCX_DATA_HASH_KEY, at least 32
 * characters, the HMAC key of linked-account signals and subject hashes).
 */
@ConfigMapping(prefix = "dcx.personal-data")
public interface PersonalDataConfig {
    String key();

    String keyId();

    Optional<String> oldKeys();

    String hashKey();
}
