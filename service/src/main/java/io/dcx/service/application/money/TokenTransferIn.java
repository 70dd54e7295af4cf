package io.dcx.service.application.money;

import java.time.Instant;

/**
 * A token transfer into the escrow seen on chain: CREDITED to {@code accountId} as {@code depositId}, or UNMATCHED
 * (from an address no account registered, or an amount the books cannot take) for an operator to resolve.
 */
public record TokenTransferIn(String txHash, int logIndex, long blockNumber, String fromAddress, String amountUnits,
        String status, String accountId, String depositId, String note, Instant seenAt) {
}
