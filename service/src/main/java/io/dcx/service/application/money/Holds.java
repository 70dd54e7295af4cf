package io.dcx.service.application.money;

import io.dcx.service.application.port.HoldStore;
import io.dcx.service.application.port.JournalStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.dcx.service.domain.money.Posting;
import io.dcx.service.domain.money.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds on customer money by business reference: {@link #place} moves money from available to held,
 * {@link #release} moves it back, {@link #capture} pays it out of held to other book accounts (seller, fees,
 * royalties, a rail) and releases any rest. Each is idempotent per reference, so a retried settlement step never
 * moves money twice, and all of them run in the caller's transaction when there is one.
 */
@ApplicationScoped
public class Holds {
    private final HoldStore holds;
    private final JournalStore journal;

    public Holds(HoldStore holds, JournalStore journal) {
        this.holds = holds;
        this.journal = journal;
    }

    /**
     * Holds {@code amount} of the account for {@code reference}. INSUFFICIENT_FUNDS when available is short;
     * placing the same hold again is a no-op, a different one under the same reference is HOLD_CONFLICT.
     */
    @Transactional
    public Hold place(String accountId, String reference, Money amount) {
        if (!amount.isPositive()) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, "a hold is for a positive amount");
        }
        Hold hold = new Hold(reference, accountId, amount, Hold.Status.HELD, Instant.now(), null);
        if (!holds.insertIfAbsent(hold)) {
            Hold existing = holds.findForUpdate(reference).orElseThrow();
            if (existing.accountId().equals(accountId) && existing.amount().equals(amount)) {
                return existing;
            }
            throw new DcxException(ErrorCode.HOLD_CONFLICT,
                    "reference " + reference + " already holds a different amount or account");
        }
        journal.post(Posting.transfer("HOLD", reference, BookAccount.available(accountId),
                BookAccount.held(accountId), amount));
        return hold;
    }

    /** Gives the held money back to available. Releasing twice is a no-op; a captured hold cannot be released. */
    @Transactional
    public Hold release(String reference) {
        Hold hold = holds.findForUpdate(reference)
                .orElseThrow(() -> new DcxException(ErrorCode.HOLD_NOT_FOUND, "no hold " + reference));
        if (hold.status() == Hold.Status.RELEASED) {
            return hold;
        }
        if (hold.status() == Hold.Status.CAPTURED) {
            throw new DcxException(ErrorCode.HOLD_CONFLICT, "hold " + reference + " was captured");
        }
        journal.post(Posting.transfer("RELEASE", reference, BookAccount.held(hold.accountId()),
                BookAccount.available(hold.accountId()), hold.amount()));
        Instant now = Instant.now();
        holds.close(reference, Hold.Status.RELEASED, now);
        return new Hold(reference, hold.accountId(), hold.amount(), Hold.Status.RELEASED, hold.placedAt(), now);
    }

    /**
     * Pays the held money to {@code payees} (positive amounts summing to at most the hold; HOLD_AMOUNT_EXCEEDED
     * otherwise) in one balanced posting; what is left returns to available. Capturing a captured hold again is a
     * no-op, so a resumed settlement cannot pay twice.
     */
    @Transactional
    public Hold capture(String reference, Map<BookAccount, Money> payees) {
        Hold hold = holds.findForUpdate(reference)
                .orElseThrow(() -> new DcxException(ErrorCode.HOLD_NOT_FOUND, "no hold " + reference));
        if (hold.status() == Hold.Status.CAPTURED) {
            return hold;
        }
        if (hold.status() == Hold.Status.RELEASED) {
            throw new DcxException(ErrorCode.HOLD_CONFLICT, "hold " + reference + " was released");
        }
        Money paid = Money.ZERO;
        List<PostingLine> lines = new ArrayList<>();
        for (Map.Entry<BookAccount, Money> payee : payees.entrySet()) {
            if (!payee.getValue().isPositive()) {
                throw new DcxException(ErrorCode.INVALID_AMOUNT, "every payee receives a positive amount");
            }
            paid = paid.plus(payee.getValue());
            lines.add(new PostingLine(payee.getKey(), payee.getValue()));
        }
        if (paid.compareTo(hold.amount()) > 0) {
            throw new DcxException(ErrorCode.HOLD_AMOUNT_EXCEEDED,
                    "payees receive " + paid.fen() + " fen but the hold is " + hold.amount().fen() + " fen");
        }
        if (lines.isEmpty()) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "a capture pays at least one payee");
        }
        Money rest = hold.amount().minus(paid);
        if (rest.isPositive()) {
            lines.add(new PostingLine(BookAccount.available(hold.accountId()), rest));
        }
        lines.add(new PostingLine(BookAccount.held(hold.accountId()), hold.amount().negate()));
        journal.post(new Posting("CAPTURE", reference, lines));
        Instant now = Instant.now();
        holds.close(reference, Hold.Status.CAPTURED, now);
        return new Hold(reference, hold.accountId(), hold.amount(), Hold.Status.CAPTURED, hold.placedAt(), now);
    }
}
