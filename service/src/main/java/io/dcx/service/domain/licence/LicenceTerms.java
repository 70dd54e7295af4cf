package io.dcx.service.domain.licence;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a grantor offers a licensee: the scope, a fee in integer fen and a validity, the half-open date range
 * {@code [validFrom, validUntil)} (so one licence may end on the day the next begins).
 */
public record LicenceTerms(String licenseeId, LicenceScope scope, long feeFen, LocalDate validFrom,
        LocalDate validUntil) {
    /** Pseudonymous account ids, as {@code AccountId} makes them. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("acc_[0-9a-f]{24}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    public LicenceTerms {
        if (licenseeId == null || !ACCOUNT_ID.matcher(licenseeId).matches()) {
            throw new DcxException(ErrorCode.INVALID_ACCOUNT_ID,
                    "licenseeId must be an account id: 'acc_' and 24 lowercase hex characters");
        }
        if (scope == null) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_SCOPE, "scope is required");
        }
        if (feeFen < 0) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, "feeFen must be zero or more, was " + feeFen);
        }
        if (validFrom == null || validUntil == null) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_TERM, "validFrom and validUntil are required");
        }
        if (!validFrom.isBefore(validUntil)) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_TERM,
                    "validFrom (" + validFrom + ") must be before validUntil (" + validUntil + ")");
        }
    }

    /** A calendar date written exactly as {@code yyyy-MM-dd}. */
    public static LocalDate date(String text, String name) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_TERM, name + " must be a date written yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_TERM, name + " is not a calendar date: " + text);
        }
    }
}
