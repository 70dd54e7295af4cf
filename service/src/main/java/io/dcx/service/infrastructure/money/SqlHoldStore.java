package io.dcx.service.infrastructure.money;

import io.dcx.service.application.money.Hold;
import io.dcx.service.application.port.HoldStore;
import io.dcx.service.domain.money.Money;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Holds in PostgreSQL ({@code money_hold}). */
@ApplicationScoped
public class SqlHoldStore implements HoldStore {
    private final EntityManager em;

    public SqlHoldStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfAbsent(Hold hold) {
        return em.createNativeQuery("INSERT INTO money_hold (reference, account_id, amount_fen, currency, status,"
                        + " placed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (reference) DO NOTHING")
                .setParameter(1, hold.reference())
                .setParameter(2, hold.accountId())
                .setParameter(3, hold.amount().fen())
                .setParameter(4, hold.amount().currency())
                .setParameter(5, hold.status().name())
                .setParameter(6, hold.placedAt())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<Hold> findForUpdate(String reference) {
        List<Object[]> rows = em.createNativeQuery("SELECT reference, account_id, amount_fen, currency, status,"
                        + " placed_at, closed_at FROM money_hold WHERE reference = ?1 FOR UPDATE")
                .setParameter(1, reference)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Hold((String) r[0], (String) r[1],
                new Money(((Number) r[2]).longValue(), ((String) r[3]).strip()), Hold.Status.valueOf((String) r[4]),
                SqlSignalStore.instant(r[5]), r[6] == null ? null : SqlSignalStore.instant(r[6])));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String reference, Hold.Status status, Instant at) {
        em.createNativeQuery("UPDATE money_hold SET status = ?1, closed_at = ?2 WHERE reference = ?3")
                .setParameter(1, status.name())
                .setParameter(2, at)
                .setParameter(3, reference)
                .executeUpdate();
    }
}
