package io.dcx.service.domain.money;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/**
 * An amount of renminbi in fen (1 yuan = 100 fen), signed, as a whole number. There is no floating point anywhere
 * near money: amounts are built from integers only, arithmetic is exact and overflow is an error, not a wrap.
 * The only currency is CNY.
 */
public record Money(long fen, String currency) {
    public static final String CNY = "CNY";
    public static final Money ZERO = new Money(0, CNY);

    public Money {
        if (!CNY.equals(currency)) {
            throw new DcxException(ErrorCode.INVALID_CURRENCY, "only CNY is supported, not " + currency);
        }
    }

    public static Money fen(long fen) {
        return new Money(fen, CNY);
    }

    /** Reads a decimal integer of fen such as {@code "1050"}; signs, digits only, no fractions, no exponents. */
    public static Money parseFen(String digits) {
        if (digits == null || !digits.matches("-?\\d{1,18}")) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, "an amount is a whole number of fen, not '" + digits + "'");
        }
        return fen(Long.parseLong(digits));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(fen, other.fen), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(fen, other.fen), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(fen), currency);
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(fen, other.fen);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new DcxException(ErrorCode.INVALID_CURRENCY, "cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return fen + " fen " + currency;
    }
}
