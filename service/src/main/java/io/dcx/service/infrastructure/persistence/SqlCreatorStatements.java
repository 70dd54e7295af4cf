package io.dcx.service.infrastructure.persistence;

import io.dcx.service.application.port.CreatorStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code work.creators_json} and {@code board_trade.royalties_json} with PostgreSQL's jsonb operators. Both
 * columns hold arrays of objects with an {@code accountId} member.
 */
@ApplicationScoped
public class SqlCreatorStatements implements CreatorStatements {
    private final EntityManager em;

    public SqlCreatorStatements(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> workIdsOf(String accountId, int limit) {
        return em.createNativeQuery("""
                SELECT id FROM work
                WHERE registrant = ?1
                   OR creators_json::jsonb @> jsonb_build_array(jsonb_build_object('accountId', CAST(?1 AS text)))
                ORDER BY registered_at DESC, id
                LIMIT ?2""")
                .setParameter(1, accountId)
                .setParameter(2, limit)
                .getResultList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<RoyaltyCredit> royaltiesOf(String accountId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.id, t.work_id, w.title, w.kind, t.asset_id, t.price_fen,
                       CAST(r ->> 'shareBps' AS integer), CAST(r ->> 'amountFen' AS bigint), t.settled_at
                FROM board_trade t
                CROSS JOIN LATERAL jsonb_array_elements(CAST(t.royalties_json AS jsonb)) r
                LEFT JOIN work w ON w.id = t.work_id
                WHERE t.status = 'SETTLED' AND r ->> 'accountId' = ?1 AND CAST(r ->> 'amountFen' AS bigint) > 0
                ORDER BY t.settled_at DESC, t.id
                LIMIT ?2""")
                .setParameter(1, accountId)
                .setParameter(2, limit)
                .getResultList();
        List<RoyaltyCredit> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new RoyaltyCredit((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ((Number) r[5]).longValue(), ((Number) r[6]).intValue(), ((Number) r[7]).longValue(),
                    instant(r[8])));
        }
        return out;
    }

    @Override
    @Transactional
    public RoyaltyTotal royaltyTotalOf(String accountId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT COALESCE(SUM(CAST(r ->> 'amountFen' AS bigint)), 0), COUNT(*)
                FROM board_trade t
                CROSS JOIN LATERAL jsonb_array_elements(CAST(t.royalties_json AS jsonb)) r
                WHERE t.status = 'SETTLED' AND r ->> 'accountId' = ?1 AND CAST(r ->> 'amountFen' AS bigint) > 0""")
                .setParameter(1, accountId)
                .getSingleResult();
        return new RoyaltyTotal(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
