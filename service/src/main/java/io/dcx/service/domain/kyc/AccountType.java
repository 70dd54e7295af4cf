package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.util.Locale;

/** A natural person or an organisation; known from the first KYC submission on. */
public enum AccountType {
    INDIVIDUAL, INSTITUTION;

    public static AccountType parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_KYC_TYPE, "type: INDIVIDUAL or INSTITUTION is required");
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DcxException(ErrorCode.INVALID_KYC_TYPE, "type: must be INDIVIDUAL or INSTITUTION");
        }
    }
}
