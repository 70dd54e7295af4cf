package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.util.Locale;

/**
 * Where an account stands with know-your-customer checks. {@code NONE} until the first submission; a submission is
 * {@code SUBMITTED}, becomes {@code IN_REVIEW} when an operator opens it, and ends {@code APPROVED} or
 * {@code REJECTED}; an approved account may later be {@code SUSPENDED}. A rejected applicant may submit again.
 */
public enum KycStatus {
    NONE, SUBMITTED, IN_REVIEW, APPROVED, REJECTED, SUSPENDED;

    /** Waiting for an operator's decision. */
    public boolean pending() {
        return this == SUBMITTED || this == IN_REVIEW;
    }

    /** Whether the account holder may submit (again) from this state. */
    public boolean acceptsSubmission() {
        return this == NONE || this == REJECTED;
    }

    public static KycStatus parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "unknown KYC status '" + raw + "'");
        }
    }
}
