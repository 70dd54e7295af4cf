package io.dcx.service.infrastructure.audit;

import io.dcx.service.application.port.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Appends audit events to {@code audit_event} in the caller's transaction. */
@ApplicationScoped
public class SqlAuditLog implements AuditLog {
    private final EntityManager em;

    public SqlAuditLog(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(Event e) {
        Number id = (Number) em.createNativeQuery("INSERT INTO audit_event (at, actor, action, subject_type,"
                        + " subject_id, before_json, after_json, request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " RETURNING id")
                .setParameter(1, e.at())
                .setParameter(2, e.actor())
                .setParameter(3, e.action())
                .setParameter(4, e.subjectType())
                .setParameter(5, e.subjectId())
                .setParameter(6, e.beforeJson())
                .setParameter(7, e.afterJson())
                .setParameter(8, e.requestId())
                .getSingleResult();
        return id.longValue();
    }
}
