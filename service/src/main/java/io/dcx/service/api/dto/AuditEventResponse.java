package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.audit.AuditEntry;
import java.time.Instant;

/** One audit event; {@code seq}, {@code prevHash} and {@code hash} once it is sealed into the chain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventResponse(long id, Instant at, String actor, String action, String subjectType,
        String subjectId, String before, String after, String requestId, Long seq, String prevHash, String hash) {

    public static AuditEventResponse of(AuditEntry e) {
        return new AuditEventResponse(e.id(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                e.beforeJson(), e.afterJson(), e.requestId(), e.seq(), e.prevHash(), e.hash());
    }
}
