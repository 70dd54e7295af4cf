package io.dcx.service.domain.dispute;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/**
 * Why an operator decided as they did: 1 to 1,000 characters, no control characters (it is written on chain with
 * the work's new status, under the contract's rules for reasons).
 */
public record DecisionReason(String text) {
    public static final int MAX_LENGTH = 1_000;

    public DecisionReason {
        if (text == null || text.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_REASON, "reason is required");
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new DcxException(ErrorCode.INVALID_REASON, "reason must be at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new DcxException(ErrorCode.INVALID_REASON, "reason must not contain control characters");
        }
    }
}
