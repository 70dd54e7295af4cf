package io.dcx.service.infrastructure.idempotency;

import io.dcx.service.application.port.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys in PostgreSQL. The claim is an {@code INSERT ... ON CONFLICT DO NOTHING}: a second request with
 * the same key blocks on the first one's uncommitted row and, once that commits, finds its stored response (or, if
 * it rolled back, claims the key itself). A detached claim commits at once with a token and a lease; taking an
 * expired one over is a conditional UPDATE, so of two requests racing for it exactly one wins.
 */
@ApplicationScoped
public class SqlIdempotencyStore implements IdempotencyStore {
    private final EntityManager em;

    public SqlIdempotencyStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> claim(String scope, String key, String requestHash) {
        if (insert(scope, key, requestHash, null, null)) {
            return Optional.empty();
        }
        return find(scope, key);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_key SET response_status = ?1, response_body = ?2"
                        + " WHERE scope = ?3 AND idem_key = ?4")
                .setParameter(1, status).setParameter(2, body).setParameter(3, scope).setParameter(4, key)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claimDetached(String scope, String key, String requestHash, String token, Instant now,
            Instant leaseUntil) {
        if (insert(scope, key, requestHash, token, leaseUntil)) {
            return Claim.taken();
        }
        int takenOver = em.createNativeQuery("UPDATE idempotency_key SET claim_token = ?1, lease_until = ?2"
                        + " WHERE scope = ?3 AND idem_key = ?4 AND request_hash = ?5 AND response_status IS NULL"
                        + " AND lease_until < ?6")
                .setParameter(1, token).setParameter(2, leaseUntil).setParameter(3, scope).setParameter(4, key)
                .setParameter(5, requestHash).setParameter(6, now)
                .executeUpdate();
        if (takenOver == 1) {
            return Claim.taken();
        }
        // The row may have been released (deleted) between the insert and the update: then it is simply free.
        Optional<Stored> existing = find(scope, key);
        if (existing.isEmpty()) {
            return insert(scope, key, requestHash, token, leaseUntil) ? Claim.taken()
                    : new Claim(false, find(scope, key).orElseThrow());
        }
        return new Claim(false, existing.get());
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean completeDetached(String scope, String key, String token, int status, String body) {
        return em.createNativeQuery("UPDATE idempotency_key SET response_status = ?1, response_body = ?2,"
                        + " claim_token = NULL, lease_until = NULL"
                        + " WHERE scope = ?3 AND idem_key = ?4 AND claim_token = ?5 AND response_status IS NULL")
                .setParameter(1, status).setParameter(2, body).setParameter(3, scope).setParameter(4, key)
                .setParameter(5, token)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseDetached(String scope, String key, String token) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE scope = ?1 AND idem_key = ?2 AND claim_token = ?3"
                        + " AND response_status IS NULL")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, token)
                .executeUpdate();
    }

    private boolean insert(String scope, String key, String requestHash, String token, Instant leaseUntil) {
        return em.createNativeQuery("INSERT INTO idempotency_key (scope, idem_key, request_hash, created_at,"
                        + " claim_token, lease_until) VALUES (?1, ?2, ?3, now(), CAST(?4 AS VARCHAR), CAST(?5 AS TIMESTAMPTZ))"
                        + " ON CONFLICT (scope, idem_key) DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).setParameter(4, token)
                .setParameter(5, leaseUntil)
                .executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    private Optional<Stored> find(String scope, String key) {
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, response_body"
                        + " FROM idempotency_key WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Stored((String) row[0],
                row[1] == null ? 0 : ((Number) row[1]).intValue(), (String) row[2]));
    }
}
