package io.dcx.service.infrastructure.kyc;

import io.dcx.service.application.port.SignalStore;
import io.dcx.service.domain.kyc.SignalKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Signals and links in PostgreSQL. */
@ApplicationScoped
public class SqlSignalStore implements SignalStore {
    private final EntityManager em;

    public SqlSignalStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> recordAndLink(String accountId, SignalKind kind, String valueHash, String kycId, Instant now) {
        // Two accounts presenting the same fact at the same moment must still see each other: serialise on the fact.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS locked")
                .setParameter(1, kind.name() + ":" + valueHash)
                .getSingleResult();
        em.createNativeQuery("INSERT INTO kyc_signal (account_id, kind, value_hash, kyc_id, recorded_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, accountId).setParameter(2, kind.name()).setParameter(3, valueHash)
                .setParameter(4, kycId).setParameter(5, now)
                .executeUpdate();
        List<String> others = em.createNativeQuery("SELECT DISTINCT account_id FROM kyc_signal"
                        + " WHERE kind = ?1 AND value_hash = ?2 AND account_id <> ?3 ORDER BY account_id")
                .setParameter(1, kind.name()).setParameter(2, valueHash).setParameter(3, accountId)
                .getResultList();
        for (String other : others) {
            link(accountId, other, kind, now);
            link(other, accountId, kind, now);
        }
        return others;
    }

    private void link(String from, String to, SignalKind kind, Instant now) {
        em.createNativeQuery("INSERT INTO account_link (account_id, linked_account_id, kind, detected_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, from).setParameter(2, to).setParameter(3, kind.name()).setParameter(4, now)
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Link> linksOf(String accountId) {
        List<Object[]> rows = em.createNativeQuery("SELECT linked_account_id, kind, detected_at FROM account_link"
                        + " WHERE account_id = ?1 ORDER BY linked_account_id, kind")
                .setParameter(1, accountId)
                .getResultList();
        List<Link> links = new ArrayList<>();
        for (Object[] row : rows) {
            links.add(new Link(accountId, (String) row[0], SignalKind.valueOf((String) row[1]), instant(row[2])));
        }
        return links;
    }

    /** A timestamp column as native queries return it. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
