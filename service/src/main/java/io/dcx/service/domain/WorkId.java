package io.dcx.service.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Id of a registered work, chosen by the service before the transaction is endorsed (chaincode must be
 * deterministic across endorsers, so it cannot draw ids itself). Format: {@code wk_} and 20 base32 characters.
 */
public record WorkId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public WorkId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with that id");
        }
    }

    public static WorkId random() {
        StringBuilder sb = new StringBuilder("wk_");
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new WorkId(sb.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
