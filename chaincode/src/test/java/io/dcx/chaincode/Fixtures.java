package io.dcx.chaincode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Valid inputs, built with Jackson as the service builds them; tests change single members to break them. */
final class Fixtures {
    private Fixtures() {
    }

    static String sha256(final String seed) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A work whose content hash derives from its id; shares split evenly (remainder to the first creator). */
    static ObjectNode work(final String id, final String... creators) {
        final String[] accounts = creators.length == 0 ? new String[] {"acc_alice"} : creators;
        final ObjectNode w = Result.JACKSON.createObjectNode();
        w.put("id", id);
        w.put("contentHash", sha256("content of " + id));
        w.put("fingerprint", "");
        w.put("fingerprintKind", "none");
        w.put("title", "Title of " + id);
        w.put("kind", "IMAGE");
        final ArrayNode cs = w.putArray("creators");
        final int share = 10_000 / accounts.length;
        for (int i = 0; i < accounts.length; i++) {
            cs.addObject().put("accountId", accounts[i])
                    .put("shareBps", share + (i == 0 ? 10_000 - share * accounts.length : 0));
        }
        w.put("metadataHash", "");
        w.putArray("parents");
        w.put("registrant", accounts[0]);
        return w;
    }

    static ObjectNode licence(final String id, final String workId, final String grantor, final String licensee,
            final boolean exclusive, final String from, final String until) {
        final ObjectNode l = Result.JACKSON.createObjectNode();
        l.put("id", id);
        l.put("workId", workId);
        l.put("licenseeId", licensee);
        l.put("grantorId", grantor);
        l.putObject("scope")
                .put("commercialUse", true)
                .put("derivatives", false)
                .put("territory", "CN")
                .put("exclusive", exclusive);
        l.put("feeFen", 500_000);
        l.put("validFrom", from);
        l.put("validUntil", until);
        return l;
    }

    static String terms(final String seed) {
        return sha256("terms " + seed);
    }
}
