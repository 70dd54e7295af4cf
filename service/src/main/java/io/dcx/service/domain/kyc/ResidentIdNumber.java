package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A mainland resident identity card number (GB 11643-1999): a 6-digit region code, the birth date as yyyyMMdd, a
 * 3-digit sequence and a check character. The check character is {@code "10X98765432"} at
 * {@code (sum of digit i times weight i) mod 11}, weights {@code 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}.
 *
 * <p>Beyond the check character the number must be plausible: the region's first digit is 1 to 8 (8 being the
 * residence permits of Hong Kong, Macao and Taiwan residents), and the birth date is a real date from 1900 on and
 * not after {@code today}. The old 15-digit numbers are refused: they carry no check character.
 */
public record ResidentIdNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public ResidentIdNumber {
        if (value == null || !value.matches("[1-8]\\d{16}[0-9X]")) {
            throw invalid("must be 17 digits and a check character 0-9 or X");
        }
    }

    /**
     * Reads what a person typed: surrounding spaces, full-width digits and a lower-case x are accepted; anything
     * else that is not a valid number is refused with {@link ErrorCode#INVALID_RESIDENT_ID}.
     */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw invalid("the resident id number is required");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        if (s.matches("\\d{15}")) {
            throw invalid("15-digit first-generation numbers are not accepted; give the 18-character number");
        }
        if (!s.matches("\\d{17}[0-9X]")) {
            throw invalid("must be 17 digits and a check character 0-9 or X (18 characters)");
        }
        if (s.charAt(0) < '1' || s.charAt(0) > '8') {
            throw invalid("the region code must start with a digit from 1 to 8");
        }
        LocalDate birth = birthDateOf(s);
        if (birth == null) {
            throw invalid("characters 7 to 14 must be a real birth date (yyyyMMdd)");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            throw invalid("the birth date " + birth + " is not plausible");
        }
        char expected = checkCharacterFor(s.substring(0, 17));
        if (s.charAt(17) != expected) {
            throw invalid("the check character does not match (GB 11643)");
        }
        return new ResidentIdNumber(s);
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkCharacterFor(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    /** First four and last four characters, for example {@code 1101**********002X}. */
    public String masked() {
        return Masking.keepEnds(value, 4, 4);
    }

    private static LocalDate birthDateOf(String s) {
        try {
            return LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DcxException invalid(String detail) {
        return new DcxException(ErrorCode.INVALID_RESIDENT_ID, "idNumber: " + detail);
    }

    @Override
    public String toString() {
        return masked();
    }
}
