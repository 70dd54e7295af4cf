package io.dcx.service.domain.audit;

import java.time.Instant;

/**
 * One row of the audit log as stored: the event (who, what, which subject, before and after, request id) and, once
 * sealed, its place in the chain ({@code seq}, {@code prevHash}, {@code hash}); unsealed rows have those null.
 * {@code at} is kept to the microsecond, as the database stores it.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
        String beforeJson, String afterJson, String requestId, Long seq, String prevHash, String hash,
        Instant sealedAt) {

    public boolean sealed() {
        return seq != null;
    }
}
