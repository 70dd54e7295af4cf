package io.dcx.service.application.port;

import java.time.Instant;

/**
 * The audit trail: who did what to which subject, when, with the state before and after (JSON, never personal data
 * in clear). Written in the caller's transaction, so an audited change and its event commit together. Issue 8 adds
 * hash chaining and reading; this is the minimal write side.
 */
public interface AuditLog {
    /** Appends the event and answers its id. */
    long record(Event event);

    record Event(Instant at, String actor, String action, String subjectType, String subjectId, String beforeJson,
            String afterJson, String requestId) {
    }
}
