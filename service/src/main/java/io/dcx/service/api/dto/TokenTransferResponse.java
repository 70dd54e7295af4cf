package io.dcx.service.api.dto;

import io.dcx.service.application.money.TokenTransferIn;
import java.time.Instant;

/** A token transfer into the escrow, as operators see it. */
public record TokenTransferResponse(String txHash, int logIndex, long blockNumber, String fromAddress,
        String amountUnits, String status, String accountId, String depositId, String note, Instant seenAt) {

    public static TokenTransferResponse of(TokenTransferIn t) {
        return new TokenTransferResponse(t.txHash(), t.logIndex(), t.blockNumber(), t.fromAddress(), t.amountUnits(),
                t.status(), t.accountId(), t.depositId(), t.note(), t.seenAt());
    }
}
