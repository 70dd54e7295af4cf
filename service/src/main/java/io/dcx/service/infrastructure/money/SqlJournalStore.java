package io.dcx.service.infrastructure.money;

import io.dcx.service.application.port.JournalStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.dcx.service.domain.money.Posting;
import io.dcx.service.domain.money.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal in PostgreSQL. A posting locks the cached balance rows of the customer accounts it touches
 * ({@code SELECT ... FOR UPDATE}, in account-code order so two postings never deadlock), checks that none goes
 * below zero, updates them and appends the entry and its lines, all in the caller's transaction. The exchange's
 * own accounts (rails, fees) are not cached: their balances are summed from the lines, so they are never a lock
 * every deposit queues behind.
 */
@ApplicationScoped
public class SqlJournalStore implements JournalStore {
    private final EntityManager em;

    public SqlJournalStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long post(Posting posting) {
        Map<BookAccount, Long> deltas = new TreeMap<>();
        for (PostingLine line : posting.lines()) {
            deltas.merge(line.account(), line.amount().fen(), Math::addExact);
        }
        for (Map.Entry<BookAccount, Long> delta : deltas.entrySet()) {
            if (delta.getKey().isCustomer() && delta.getValue() != 0) {
                apply(delta.getKey(), delta.getValue());
            }
        }
        Number entryId = (Number) em.createNativeQuery(
                        "INSERT INTO journal_entry (at, kind, reference) VALUES (now(), ?1, ?2) RETURNING id")
                .setParameter(1, posting.kind())
                .setParameter(2, posting.reference())
                .getSingleResult();
        for (PostingLine line : posting.lines()) {
            em.createNativeQuery("INSERT INTO journal_line (entry_id, account_code, amount_fen, currency)"
                            + " VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, entryId.longValue())
                    .setParameter(2, line.account().code())
                    .setParameter(3, line.amount().fen())
                    .setParameter(4, line.amount().currency())
                    .executeUpdate();
        }
        return entryId.longValue();
    }

    private void apply(BookAccount account, long delta) {
        em.createNativeQuery("INSERT INTO book_balance (account_code, currency, balance_fen, updated_at)"
                        + " VALUES (?1, 'CNY', 0, now()) ON CONFLICT (account_code) DO NOTHING")
                .setParameter(1, account.code())
                .executeUpdate();
        long current = ((Number) em.createNativeQuery(
                        "SELECT balance_fen FROM book_balance WHERE account_code = ?1 FOR UPDATE")
                .setParameter(1, account.code())
                .getSingleResult()).longValue();
        long next = Math.addExact(current, delta);
        if (next < 0) {
            if (account.code().endsWith(":held")) {
                throw new IllegalStateException("posting would take " + account + " below zero: a bug, not a customer error");
            }
            throw new DcxException(ErrorCode.INSUFFICIENT_FUNDS,
                    "the available balance (" + current + " fen) does not cover " + (-delta) + " fen",
                    Map.of("availableFen", current, "requiredFen", -delta));
        }
        em.createNativeQuery("UPDATE book_balance SET balance_fen = ?1, updated_at = now() WHERE account_code = ?2")
                .setParameter(1, next)
                .setParameter(2, account.code())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Money balance(BookAccount account) {
        if (!account.isCustomer()) {
            return balanceFromLines(account);
        }
        List<Number> rows = em.createNativeQuery("SELECT balance_fen FROM book_balance WHERE account_code = ?1")
                .setParameter(1, account.code())
                .getResultList();
        return Money.fen(rows.isEmpty() ? 0 : rows.get(0).longValue());
    }

    @Override
    public Money balanceFromLines(BookAccount account) {
        Number sum = (Number) em.createNativeQuery(
                        "SELECT COALESCE(SUM(amount_fen), 0)::bigint FROM journal_line WHERE account_code = ?1")
                .setParameter(1, account.code())
                .getSingleResult();
        return Money.fen(sum.longValue());
    }
}
