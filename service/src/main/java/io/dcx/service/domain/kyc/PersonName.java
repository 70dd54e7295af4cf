package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;

/**
 * A person's legal name as written on the identity document: Chinese characters, or letters of any script with
 * spaces, middle dots (as in 阿依古丽·买买提), apostrophes and hyphens. 1 to 50 characters after trimming.
 */
public record PersonName(String value) {
    private static final int MAX_LENGTH = 50;

    public PersonName {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX_LENGTH
                || !value.matches("[\\p{L}\\p{M}][\\p{L}\\p{M} ·・'\\-.]*")) {
            throw new DcxException(ErrorCode.INVALID_NAME,
                    "name: 1 to " + MAX_LENGTH + " letters (spaces, middle dots, apostrophes and hyphens allowed)");
        }
    }

    public static PersonName parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_NAME, field + ": a name is required");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        try {
            return new PersonName(s);
        } catch (DcxException e) {
            throw new DcxException(ErrorCode.INVALID_NAME, e.detail().replaceFirst("^name", field));
        }
    }

    /** {@code 张*}, {@code 欧阳**}-style: the first character of each word, the rest as stars. */
    public String masked() {
        return Masking.name(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
