package io.dcx.service.application.port;

import io.dcx.service.domain.audit.AuditEntry;
import java.time.Instant;
import java.util.List;

/** Reading and sealing the audit log (writing is {@link AuditLog}). */
public interface AuditTrail {
    /** The chain's head under a row lock for the rest of the transaction (serialises sealers). */
    Head lockHead();

    /** The head without a lock. */
    Head head();

    record Head(long seq, String hash) {
    }

    /** Committed rows not yet sealed, by id. */
    List<AuditEntry> unsealed(int limit);

    /** Seals one row and moves the head, in the caller's transaction. */
    void seal(long id, long seq, String prevHash, String hash, Instant at);

    /** Sealed rows with seq greater than {@code afterSeq}, in seq order. */
    List<AuditEntry> sealedAfter(long afterSeq, int limit);

    long unsealedCount();

    /** Rows matching the filter (nulls match anything), newest first, with id below {@code beforeId} if given. */
    List<AuditEntry> page(Filter filter, Long beforeId, int limit);

    record Filter(String actor, String action, String subjectType, String subjectId, Instant from, Instant to) {
    }
}
