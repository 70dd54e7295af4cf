package io.dcx.service.domain.asset;

import java.time.Instant;

/**
 * One change of an asset on chain: the transaction, its block, its time, what it did (ISSUED, LOCKED, RELEASED,
 * SETTLED, TRANSFERRED, FROZEN, UNFROZEN), and the asset's status, owner and stated reason after it.
 */
public record AssetHistoryEntry(String txId, Long blockNumber, Instant timestamp, String action, String status,
        String ownerId, String reason) {
}
