package io.dcx.service.domain.money;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A journal entry to be written: what happened ({@code kind}), the business reference it belongs to (a deposit,
 * withdrawal or trade id) and at least two lines that sum to zero per currency. An unbalanced posting cannot be
 * built.
 */
public record Posting(String kind, String reference, List<PostingLine> lines) {

    public Posting {
        if (kind == null || !kind.matches("[A-Z_]{1,32}")) {
            throw new IllegalArgumentException("posting kind must be an upper-case word: " + kind);
        }
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            throw new IllegalArgumentException("a posting needs a reference of at most 128 characters");
        }
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a posting has at least two lines");
        }
        Map<String, Long> sums = new HashMap<>();
        for (PostingLine line : lines) {
            sums.merge(line.amount().currency(), line.amount().fen(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException(
                        "unbalanced posting " + kind + " " + reference + ": " + currency + " lines sum to " + sum);
            }
        });
    }

    /** Moves {@code amount} from one account to another: {@code from} is debited, {@code to} credited. */
    public static Posting transfer(String kind, String reference, BookAccount from, BookAccount to, Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a transfer moves a positive amount");
        }
        return new Posting(kind, reference, List.of(new PostingLine(from, amount.negate()), new PostingLine(to, amount)));
    }
}
