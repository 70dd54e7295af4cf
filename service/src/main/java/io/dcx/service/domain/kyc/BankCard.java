package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.text.Normalizer;

/** A debit card number: 16 to 19 digits with a valid Luhn check digit. Spaces and dashes are dropped. */
public record BankCard(String value) {

    public BankCard {
        if (value == null || !value.matches("\\d{16,19}") || !luhnValid(value)) {
            throw new DcxException(ErrorCode.INVALID_BANK_CARD, "bankCard: must be 16 to 19 digits with a valid check digit");
        }
    }

    public static BankCard parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_BANK_CARD, "bankCard: a bank card number is required");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
        if (!s.matches("\\d{16,19}")) {
            throw new DcxException(ErrorCode.INVALID_BANK_CARD, "bankCard: must be 16 to 19 digits");
        }
        if (!luhnValid(s)) {
            throw new DcxException(ErrorCode.INVALID_BANK_CARD, "bankCard: the check digit does not match (Luhn)");
        }
        return new BankCard(s);
    }

    /** The Luhn check digit that completes {@code digitsWithoutCheck}. */
    public static char luhnCheckDigitFor(String digitsWithoutCheck) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            int d = digitsWithoutCheck.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static boolean luhnValid(String digits) {
        return luhnCheckDigitFor(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1);
    }

    /** {@code 6222***********1234}. */
    public String masked() {
        return Masking.keepEnds(value, 4, 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
