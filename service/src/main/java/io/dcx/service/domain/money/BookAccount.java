package io.dcx.service.domain.money;

import java.util.regex.Pattern;

/**
 * An account of the exchange's books, named by a code:
 * <ul>
 * <li>{@code user:<accountId>:available} and {@code user:<accountId>:held}: what the exchange owes a customer,
 * free to use or held for a trade or a withdrawal. These never go below zero.</li>
 * <li>{@code exchange:<name>} (for example {@code exchange:fees}) and {@code rail:<rail>:clearing} (the mirror of
 * the cash a payment rail holds for the exchange): the exchange's own side, which may be negative. A deposit
 * credits the customer and debits the rail's clearing account.</li>
 * </ul>
 * Signs: amounts are signed; a customer's balance is the sum of its lines and is positive when the exchange owes
 * money. Every posting's lines sum to zero, so the sum of all lines is always zero.
 */
public record BookAccount(String code) implements Comparable<BookAccount> {
    private static final Pattern CODE = Pattern.compile(
            "user:acc_[0-9a-f]{24}:(available|held)|exchange:[a-z0-9_-]{1,40}|rail:[a-z0-9_-]{1,40}:clearing");

    public BookAccount {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a book account code: " + code);
        }
    }

    public static BookAccount available(String accountId) {
        return new BookAccount("user:" + accountId + ":available");
    }

    public static BookAccount held(String accountId) {
        return new BookAccount("user:" + accountId + ":held");
    }

    public static BookAccount exchange(String name) {
        return new BookAccount("exchange:" + name);
    }

    public static BookAccount railClearing(String rail) {
        return new BookAccount("rail:" + rail + ":clearing");
    }

    /** A customer's account: its balance may never be negative. */
    public boolean isCustomer() {
        return code.startsWith("user:");
    }

    @Override
    public int compareTo(BookAccount other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
