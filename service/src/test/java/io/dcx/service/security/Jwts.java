package io.dcx.service.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Forged bearer tokens built from a real one: the service must refuse each with 401. None of them is signed by the
 * realm's key (a validly signed but expired token would need the realm's 15-minute lifespan to pass, or the
 * realm's private key; the expired one here has both a past {@code exp} and a foreign signature, so it is refused
 * at the first check that fails, whichever the verifier makes first).
 */
final class Jwts {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private Jwts() {
    }

    /** Name to token: every forgery of {@code real} (a real token of the dcx realm). */
    static Map<String, String> forgeries(String real, String otherReal) {
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) read(parts[0]);
        ObjectNode claims = (ObjectNode) read(parts[1]);
        KeyPair own = rsa();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("bad signature (another token's)", parts[0] + "." + parts[1] + "." + otherReal.split("\\.")[2]);
        out.put("signature cut off", parts[0] + "." + parts[1] + ".");
        out.put("garbled signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20) + "AAAA"
                + parts[2].substring(24));
        ObjectNode promoted = claims.deepCopy();
        promoted.putObject("realm_access").putArray("roles").add("operator").add("regulator").add("admin");
        out.put("claims changed (roles added), signature kept", parts[0] + "." + enc(promoted) + "." + parts[2]);
        ObjectNode none = ApiOperations.object();
        none.put("alg", "none");
        none.put("typ", "JWT");
        out.put("alg none", enc(none) + "." + enc(promoted) + ".");
        ObjectNode expired = claims.deepCopy();
        expired.put("exp", 1_000_000_000L);
        expired.put("iat", 999_999_000L);
        out.put("expired (exp in 2001), signed by a foreign key", signed(header, expired, own));
        ObjectNode otherRealm = claims.deepCopy();
        otherRealm.put("iss", claims.path("iss").asText().replace("/realms/dcx", "/realms/master"));
        out.put("other realm (iss .../realms/master), signed by a foreign key", signed(header, otherRealm, own));
        out.put("same claims, signed by a foreign key with the realm's kid", signed(header, claims, own));
        ObjectNode hs = header.deepCopy();
        hs.put("alg", "HS256");
        out.put("HS256 (key confusion)", hmac(hs, claims));
        out.put("not a JWT", "not-a-token");
        out.put("empty bearer", "");
        return out;
    }

    private static JsonNode read(String part) {
        try {
            return ApiOperations.JSON.readTree(D64.decode(part));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(JsonNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new SecureRandom());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(JsonNode header, JsonNode claims, KeyPair key) {
        String input = enc(header) + "." + enc(claims);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(JsonNode header, JsonNode claims) {
        String input = enc(header) + "." + enc(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("dcx-service".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
