package io.dcx.service.domain.dispute;

import java.time.Instant;

/**
 * One step of a dispute: who (account id) did what (FILED or a decision), when, the dispute's status before and
 * after, the reason, and, when the work's status on chain changed with it, the new work status, the transaction
 * and its block.
 */
public record DisputeEvent(Instant at, String actor, String action, DisputeStatus fromStatus, DisputeStatus toStatus,
        String reason, String workStatus, String txId, Long blockNumber) {
}
