package io.dcx.service.application.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/** Free-text reasons operators and regulators give: trimmed, at most 500 characters. */
public final class Reasons {
    public static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    public static String required(String field, String raw) {
        String reason = optional(field, raw);
        if (reason == null) {
            throw new DcxException(ErrorCode.REASON_REQUIRED, field + ": a reason is required");
        }
        return reason;
    }

    public static String optional(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String reason = raw.strip();
        if (reason.length() > MAX_LENGTH || reason.matches("(?s).*[\\p{Cc}&&[^\\n\\t]].*")) {
            throw new DcxException(ErrorCode.REASON_REQUIRED,
                    field + ": at most " + MAX_LENGTH + " printable characters");
        }
        return reason;
    }
}
