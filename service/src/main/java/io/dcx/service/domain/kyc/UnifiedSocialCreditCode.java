package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A unified social credit code (GB 32100-2015) of an organisation: 18 characters from the 31-character set
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (no I, O, Z, S, V): registration authority, organisation type, a 6-digit
 * region code, the 9-character organisation code and a check character. The check character has the value
 * {@code 31 - (sum of value(i) times weight(i)) mod 31} (31 becomes 0) with weights
 * {@code 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}.
 *
 * <p>The embedded organisation code's own GB 11714 check is not enforced: codes issued to individual businesses
 * do not always satisfy it, and refusing a valid registration would be worse than missing a typo the main check
 * already catches.
 */
public record UnifiedSocialCreditCode(String value) {
    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (value == null || value.length() != 18 || !allFromSet(value)) {
            throw invalid("must be 18 characters from 0-9 and A-Y without I, O, S, V, Z");
        }
    }

    public static UnifiedSocialCreditCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("the unified social credit code is required");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            throw invalid("must be 18 characters long");
        }
        if (!allFromSet(s)) {
            throw invalid("must use only 0-9 and A-Y without I, O, S, V, Z");
        }
        if (!s.substring(2, 8).matches("\\d{6}")) {
            throw invalid("characters 3 to 8 must be a region code (6 digits)");
        }
        if (s.charAt(17) != checkCharacterFor(s.substring(0, 17))) {
            throw invalid("the check character does not match (GB 32100)");
        }
        return new UnifiedSocialCreditCode(s);
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacterFor(String first17) {
        if (first17 == null || first17.length() != 17 || !allFromSet(first17)) {
            throw new IllegalArgumentException("17 characters of the code set expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }

    private static boolean allFromSet(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CHARACTERS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static DcxException invalid(String detail) {
        return new DcxException(ErrorCode.INVALID_CREDIT_CODE, "creditCode: " + detail);
    }

    @Override
    public String toString() {
        return value;
    }
}
