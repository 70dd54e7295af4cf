package io.dcx.service.infrastructure.crypto;

import io.dcx.service.application.port.SignalHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under {@code dcx.personal-data.hash-key}, a key of its own (not the encryption key). */
@ApplicationScoped
public class HmacSignalHasher implements SignalHasher {
    private final SecretKeySpec key;

    public HmacSignalHasher(PersonalDataConfig config) {
        String hashKey = config.hashKey();
        if (hashKey == null || hashKey.length() < 32) {
            throw new IllegalStateException("dcx.personal-data.hash-key (DCX_DATA_HASH_KEY) needs 32 characters or more");
        }
        this.key = new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String hash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
