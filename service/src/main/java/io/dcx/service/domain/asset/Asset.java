package io.dcx.service.domain.asset;

import java.time.Instant;

/**
 * An asset as the chain recorded it: edition {@code edition} of {@code editionCount} of a work, or the work's
 * copyright ({@code kind} COPYRIGHT, edition fields and issue price null). {@code txId} is the last transaction that
 * wrote it and {@code blockNumber} that transaction's block. Whole units only.
 */
public record Asset(
        String id,
        String workId,
        AssetKind kind,
        Integer edition,
        Integer editionCount,
        String ownerId,
        String status,
        Long issuePriceFen,
        Instant acquiredAt,
        String acquiredBy,
        String lastAction,
        String txId,
        long blockNumber) {

    /** What an asset is: one edition of a limited series, or the copyright of the work. */
    public enum AssetKind {
        EDITION, COPYRIGHT
    }
}
