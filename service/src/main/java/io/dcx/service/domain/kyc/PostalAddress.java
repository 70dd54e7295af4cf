package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;
import java.util.Locale;

/** A free-text address, up to 200 characters. {@link #comparable()} is what linked-account detection compares. */
public record PostalAddress(String value) {
    private static final int MAX_LENGTH = 200;

    public PostalAddress {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX_LENGTH
                || value.matches("(?s).*\\p{Cc}.*")) {
            throw new DcxException(ErrorCode.INVALID_ADDRESS, "address: up to " + MAX_LENGTH + " printable characters");
        }
    }

    /** Null or blank means no address was given. */
    public static PostalAddress parseOptional(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return new PostalAddress(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " "));
    }

    /** Lower case without spaces or punctuation, so "上海市 黄浦区 中山东一路1号" and "上海市黄浦区中山东一路1号" link. */
    public String comparable() {
        return value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{P}]", "");
    }

    /** The first six characters, the rest as stars. */
    public String masked() {
        return Masking.keepStart(value, 6);
    }

    @Override
    public String toString() {
        return masked();
    }
}
