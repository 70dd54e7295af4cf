package io.dcx.service.domain.review;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/** An operator's decision on a registration held for review. */
public enum ReviewDecision {
    REGISTER, REJECT;

    public static ReviewDecision parse(String text) {
        if (text != null) {
            for (ReviewDecision decision : values()) {
                if (decision.name().equals(text.strip())) {
                    return decision;
                }
            }
        }
        throw new DcxException(ErrorCode.INVALID_REQUEST, "decision must be REGISTER or REJECT");
    }

    public ReviewStatus outcome() {
        return this == REGISTER ? ReviewStatus.REGISTERED : ReviewStatus.REJECTED;
    }
}
