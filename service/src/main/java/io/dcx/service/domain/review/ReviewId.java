package io.dcx.service.domain.review;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.WorkId;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Id of a registration held for review: {@code rv_} and 20 base32 characters. The work an approval registers gets
 * the id with the same suffix ({@code wk_...}), so a decision that is retried after a crash between the chain commit
 * and the database update finds its own work on chain instead of registering a second one.
 */
public record ReviewId(String value) {
    private static final Pattern FORMAT = Pattern.compile("rv_[a-z2-7]{20}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public ReviewId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DcxException(ErrorCode.REVIEW_NOT_FOUND, "no registration review with that id");
        }
    }

    public static ReviewId random() {
        StringBuilder sb = new StringBuilder("rv_");
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new ReviewId(sb.toString());
    }

    /** The id of the work that registering this review creates. */
    public WorkId workId() {
        return new WorkId("wk_" + value.substring(3));
    }

    @Override
    public String toString() {
        return value;
    }
}
