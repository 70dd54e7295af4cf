package io.dcx.service.domain;

import java.security.SecureRandom;

/**
 * Random ids the service chooses before a transaction is endorsed (chaincode must be deterministic across endorsers,
 * so it cannot draw them itself): a prefix and 20 base32 characters (100 bits).
 */
public final class RandomIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String next(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
