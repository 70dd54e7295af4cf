package io.dcx.service.application.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.AuditTrail;
import io.dcx.service.domain.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The look-throughs regulators made (LOOK_THROUGH audit events written by kyc.LookThrough), for the exchange's
 * compliance officer and the regulators themselves: who resolved which account, when, and the reason they gave.
 * Read straight from the hash-chained audit log, so this list is as tamper-evident as the log.
 */
@ApplicationScoped
public class LookThroughLog {
    static final String ACTION = "LOOK_THROUGH";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditQueries audit;

    public LookThroughLog(AuditQueries audit) {
        this.audit = audit;
    }

    public record LookUp(long auditEventId, Instant at, String regulator, String accountId, String reason,
            String kycId, String requestId, Long seq) {
    }

    public record Page(List<LookUp> lookUps, String nextCursor) {
    }

    /** Newest first; {@code accountId} and {@code regulator} narrow the list when given. */
    public Page page(String accountId, String regulator, Instant from, Instant to, String cursor, int limit) {
        AuditQueries.Page page = audit.page(new AuditTrail.Filter(regulator, ACTION, "account", accountId, from, to),
                cursor, limit);
        return new Page(page.events().stream().map(LookThroughLog::lookUp).toList(), page.nextCursor());
    }

    private static LookUp lookUp(AuditEntry e) {
        JsonNode after = parse(e.afterJson());
        return new LookUp(e.id(), e.at(), e.actor(), e.subjectId(), text(after, "reason"), text(after, "kycId"),
                e.requestId(), e.seq());
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
