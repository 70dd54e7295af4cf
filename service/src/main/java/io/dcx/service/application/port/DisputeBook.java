package io.dcx.service.application.port;

import io.dcx.service.domain.dispute.Dispute;
import io.dcx.service.domain.dispute.DisputeEvent;
import io.dcx.service.domain.dispute.DisputeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Infringement claims and their history (the service's own records). */
public interface DisputeBook {
    /** Stores a new dispute with its first history event. */
    void create(Dispute dispute);

    Optional<Dispute> byId(String id);

    /**
     * The dispute, locked together with every other dispute of its work until the caller's transaction ends, so
     * that concurrent decisions on one work see each other's outcome (the work's status depends on all of them).
     */
    Optional<Dispute> lockForDecision(String id);

    /** The claimant's disputes, newest first. */
    List<Dispute> byClaimant(String claimant);

    /** Disputes in a status (all when {@code status} is null), oldest first, at most {@code limit}. */
    List<Dispute> byStatus(DisputeStatus status, int limit);

    /** The statuses of the work's disputes other than {@code exceptDisputeId}. */
    List<DisputeStatus> statusesOfOtherDisputes(String workId, String exceptDisputeId);

    /** Whether the claimant already has an undecided (not final) dispute against the work. */
    boolean hasPendingClaim(String workId, String claimant);

    /** Moves the dispute to {@code status} and appends the event to its history. */
    void update(String id, DisputeStatus status, Instant at, DisputeEvent event);
}
