package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;

/** A mainland mobile number: 11 digits starting with 13 to 19. A +86 or 0086 prefix, spaces and dashes are dropped. */
public record MobilePhone(String value) {

    public MobilePhone {
        if (value == null || !value.matches("1[3-9]\\d{9}")) {
            throw invalid();
        }
    }

    public static MobilePhone parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_PHONE, "phone: a mobile number is required");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        if (!s.matches("1[3-9]\\d{9}")) {
            throw invalid();
        }
        return new MobilePhone(s);
    }

    private static DcxException invalid() {
        return new DcxException(ErrorCode.INVALID_PHONE, "phone: must be a mainland mobile number (11 digits, 13-19...)");
    }

    /** {@code 138****5678}. */
    public String masked() {
        return Masking.keepEnds(value, 3, 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
