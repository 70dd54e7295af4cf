package io.dcx.service.domain.dispute;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/**
 * The text of an infringement claim: 10 to 5,000 characters after trimming; line breaks and tabs are allowed, other
 * control characters are not.
 */
public record Claim(String text) {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 5_000;

    public Claim {
        if (text == null || text.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_CLAIM, "claim is required");
        }
        text = text.strip();
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new DcxException(ErrorCode.INVALID_CLAIM,
                    "claim must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, was " + length);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new DcxException(ErrorCode.INVALID_CLAIM, "claim contains control characters");
        }
    }
}
