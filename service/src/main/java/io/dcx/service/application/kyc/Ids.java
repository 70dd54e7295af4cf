package io.dcx.service.application.kyc;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids with a type prefix, such as {@code kyc_3f9c...}: unguessable, so ids cannot be probed. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }
}
