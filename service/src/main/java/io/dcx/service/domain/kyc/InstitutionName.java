package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;

/** The registered name of an organisation, 2 to 100 characters, no control characters. */
public record InstitutionName(String value) {
    private static final int MAX_LENGTH = 100;

    public InstitutionName {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) < 2
                || value.codePointCount(0, value.length()) > MAX_LENGTH || value.matches("(?s).*\\p{C}.*")) {
            throw new DcxException(ErrorCode.INVALID_NAME, "name: 2 to " + MAX_LENGTH + " printable characters");
        }
    }

    public static InstitutionName parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_NAME, "name: the institution's registered name is required");
        }
        return new InstitutionName(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " "));
    }
}
