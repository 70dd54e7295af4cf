package io.dcx.service.infrastructure.idempotency;

import io.dcx.service.application.port.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys in PostgreSQL. The claim is an {@code INSERT ... ON CONFLICT DO NOTHING}: a second request with
 * the same key blocks on the first one's uncommitted row and, once that commits, finds its stored response (or, if
 * it rolled back, claims the key itself).
 */
@ApplicationScoped
public class SqlIdempotencyStore implements IdempotencyStore {
    private final EntityManager em;

    public SqlIdempotencyStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<Stored> claim(String scope, String key, String requestHash) {
        int inserted = em.createNativeQuery("INSERT INTO idempotency_key (scope, idem_key, request_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, now()) ON CONFLICT (scope, idem_key) DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, response_body"
                        + " FROM idempotency_key WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new Stored((String) row[0], row[1] == null ? 0 : ((Number) row[1]).intValue(),
                (String) row[2]));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_key SET response_status = ?1, response_body = ?2"
                        + " WHERE scope = ?3 AND idem_key = ?4")
                .setParameter(1, status).setParameter(2, body).setParameter(3, scope).setParameter(4, key)
                .executeUpdate();
    }
}
