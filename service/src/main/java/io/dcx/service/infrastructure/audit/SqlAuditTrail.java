package io.dcx.service.infrastructure.audit;

import io.dcx.service.application.port.AuditTrail;
import io.dcx.service.domain.audit.AuditEntry;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log's chain in PostgreSQL ({@code audit_event}, {@code audit_chain_head}). */
@ApplicationScoped
public class SqlAuditTrail implements AuditTrail {
    private static final String COLUMNS = "id, at, actor, action, subject_type, subject_id, before_json, after_json,"
            + " request_id, seq, prev_hash, hash, sealed_at";

    private final EntityManager em;

    public SqlAuditTrail(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Head lockHead() {
        Object[] r = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        return new Head(((Number) r[0]).longValue(), ((String) r[1]).strip());
    }

    @Override
    @Transactional
    public Head head() {
        Object[] r = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        return new Head(((Number) r[0]).longValue(), ((String) r[1]).strip());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEntry> unsealed(int limit) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT "
                + limit));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void seal(long id, long seq, String prevHash, String hash, Instant at) {
        em.createNativeQuery("UPDATE audit_event SET seq = ?1, prev_hash = ?2, hash = ?3, sealed_at = ?4 WHERE id = ?5"
                        + " AND seq IS NULL")
                .setParameter(1, seq).setParameter(2, prevHash).setParameter(3, hash).setParameter(4, at)
                .setParameter(5, id).executeUpdate();
        em.createNativeQuery("UPDATE audit_chain_head SET seq = ?1, hash = ?2, at = ?3 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).setParameter(3, at).executeUpdate();
    }

    @Override
    @Transactional
    public List<AuditEntry> sealedAfter(long afterSeq, int limit) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_event WHERE seq > ?1 ORDER BY seq LIMIT "
                + limit).setParameter(1, afterSeq));
    }

    @Override
    @Transactional
    public long unsealedCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_event WHERE seq IS NULL").getSingleResult())
                .longValue();
    }

    @Override
    @Transactional
    public List<AuditEntry> page(Filter f, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE true");
        List<Object> args = new ArrayList<>();
        add(sql, args, "actor = ?", f.actor());
        add(sql, args, "action = ?", f.action());
        add(sql, args, "subject_type = ?", f.subjectType());
        add(sql, args, "subject_id = ?", f.subjectId());
        add(sql, args, "at >= ?", f.from());
        add(sql, args, "at < ?", f.to());
        add(sql, args, "id < ?", beforeId);
        sql.append(" ORDER BY id DESC LIMIT ").append(limit);
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            q.setParameter(i + 1, args.get(i));
        }
        return rows(q);
    }

    private static void add(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" AND ").append(condition).append(args.size());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> rows(Query q) {
        List<AuditEntry> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            out.add(new AuditEntry(((Number) r[0]).longValue(), SqlSignalStore.instant(r[1]), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                    r[9] == null ? null : ((Number) r[9]).longValue(), r[10] == null ? null : ((String) r[10]).strip(),
                    r[11] == null ? null : ((String) r[11]).strip(), r[12] == null ? null : SqlSignalStore.instant(r[12])));
        }
        return out;
    }
}
