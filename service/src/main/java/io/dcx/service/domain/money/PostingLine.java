package io.dcx.service.domain.money;

/** One leg of a posting: a signed amount on one book account. */
public record PostingLine(BookAccount account, Money amount) {
    public PostingLine {
        if (account == null || amount == null) {
            throw new IllegalArgumentException("a posting line needs an account and an amount");
        }
        if (amount.isZero()) {
            throw new IllegalArgumentException("a posting line of zero moves nothing");
        }
    }
}
