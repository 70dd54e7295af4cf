package io.dcx.service.domain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A pseudonymous account id, the only way people appear on chain: {@code acc_} and the first 24 hex characters of
 * HMAC-SHA256(pseudonym key, identity-provider subject). Without the key nobody can link it to a person; the
 * regulator's look-through resolves it through the service.
 */
public record AccountId(String value) {

    public static AccountId forSubject(byte[] pseudonymKey, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return new AccountId("acc_" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
