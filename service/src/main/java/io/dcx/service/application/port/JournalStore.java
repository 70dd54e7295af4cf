package io.dcx.service.application.port;

import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.dcx.service.domain.money.Posting;

/**
 * The double-entry journal. Lines are the truth; the adapter may keep a balance per customer account as a cache,
 * updated in the posting's transaction under a row lock, which is also what serialises concurrent postings on one
 * account.
 */
public interface JournalStore {
    /**
     * Writes a balanced posting and answers the entry id. Fails with INSUFFICIENT_FUNDS, writing nothing, when a
     * customer account would go below zero; two postings racing for the same balance are serialised, so the check
     * always sees the other's effect.
     */
    long post(Posting posting);

    /** The account's balance as this transaction sees it. */
    Money balance(BookAccount account);

    /** The balance recomputed from the journal lines (for reconciliation and tests). */
    Money balanceFromLines(BookAccount account);
}
