package io.dcx.service.infrastructure.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data field by field with AES-256-GCM: a fresh random 96-bit nonce per value, a 128-bit tag, and
 * the value's place (table, row id, column) as associated data, so a ciphertext copied into another row or column
 * does not decrypt. The stored form names its key: {@code v1:<keyId>:<base64(nonce || ciphertext || tag)>}.
 *
 * <p>Rotation: set a new key and key id, move the old pair into {@code old-keys}; new values use the new key,
 * old ones still decrypt, and {@link #needsRotation} tells which values a re-encryption job would rewrite.
 */
@ApplicationScoped
public class AesGcmFieldCipher {
    private static final String PREFIX = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    @Inject
    public AesGcmFieldCipher(PersonalDataConfig config) {
        this(config.keyId(), config.key(), config.oldKeys().orElse(""));
    }

    public AesGcmFieldCipher(String keyId, String base64Key, String oldKeys) {
        this.currentKeyId = checkedId(keyId);
        keys.put(currentKeyId, aesKey("dcx.personal-data.key (DCX_DATA_KEY)", base64Key));
        for (String pair : oldKeys.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("dcx.personal-data.old-keys (DCX_DATA_OLD_KEYS): id:base64 pairs");
            }
            String id = checkedId(pair.substring(0, colon).strip());
            if (keys.containsKey(id)) {
                throw new IllegalStateException("data key id " + id + " is configured twice");
            }
            keys.put(id, aesKey("old data key " + id, pair.substring(colon + 1).strip()));
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Encrypts {@code plaintext} (null stays null) bound to {@code context}. */
    public String seal(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a value sealed for {@code context} with the current or an old key; tampering fails loudly. */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalStateException("not an encrypted value of this service (" + context + ")");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("value of " + context + " was encrypted with unknown data key id "
                    + parts[1] + "; add it to dcx.personal-data.old-keys");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[1], context));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("encrypted value of " + context + " does not authenticate", e);
        }
    }

    /** The id of the key a stored value was sealed with. */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split(":", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    public boolean needsRotation(String sealed) {
        return sealed != null && !currentKeyId.equals(keyIdOf(sealed));
    }

    private static byte[] aad(String keyId, String context) {
        return (PREFIX + "|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static String checkedId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalStateException(
                    "a data key id (DCX_DATA_KEY_ID) is 1 to 32 characters of letters, digits, '.', '_', '-'");
        }
        return id;
    }

    private static SecretKey aesKey(String what, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(what + " must be 32 bytes (base64 of 32 random bytes), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
