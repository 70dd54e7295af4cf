package io.dcx.chaincode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Argument checks shared by the contracts; each failure is INVALID_ARGUMENT naming the argument. */
final class Checks {
    /** Ids of works, licences, trades and accounts: 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /**
     * Asset ids are derived from work ids ({@code <workId>-<k>}, {@code <workId>-c}), so they may be a few
     * characters longer.
     */
    static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    static final int MAX_REASON = 1000;

    private Checks() {
    }

    static String id(final String value, final String name) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    name + " must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'" + shown(value));
        }
        return value;
    }

    static String assetId(final String value, final String name) {
        if (value == null || !ASSET_ID.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    name + " must be 1 to 80 characters of A-Z, a-z, 0-9, '_' or '-'" + shown(value));
        }
        return value;
    }

    static String sha256Hex(final String value, final String name) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " must be 64 lowercase hex characters" + shown(value));
        }
        return value;
    }

    /** Free text of 1 to {@code max} characters (code points), not blank, without control characters. */
    static String text(final String value, final String name, final int max) {
        if (value == null || value.isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " is required");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " must not contain control characters");
        }
        return value;
    }

    static String reason(final String value) {
        return text(value, "reason", MAX_REASON);
    }

    /** A whole number in decimal, for example the edition count passed as a string argument. */
    static long number(final String value, final String name, final long min, final long max) {
        final long n;
        try {
            if (value == null || !value.matches("-?[0-9]{1,19}")) {
                throw new NumberFormatException();
            }
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " must be a whole number" + shown(value));
        }
        if (n < min || n > max) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    /** An ISO-8601 calendar date, {@code yyyy-MM-dd}. */
    static LocalDate date(final String value, final String name) {
        try {
            if (value == null || !value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", String.valueOf(value), 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception(name + " must be an ISO date (yyyy-MM-dd)" + shown(value));
        }
    }

    /** A constant of {@code type} named exactly {@code value}, for enumerations carried as strings. */
    static <E extends Enum<E>> E oneOf(final Class<E> type, final String value, final String name) {
        if (value != null) {
            for (final E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
        }
        throw ErrorCode.INVALID_ARGUMENT.exception(name + " must be one of "
                + Arrays.toString(type.getEnumConstants()) + shown(value));
    }

    /** Quotes a short rejected value in a message; long values are cut so messages stay small. */
    static String shown(final String value) {
        if (value == null) {
            return "";
        }
        final String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return ", was '" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
