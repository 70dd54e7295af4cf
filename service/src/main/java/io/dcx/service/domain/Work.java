package io.dcx.service.domain;

import java.time.Instant;
import java.util.List;

/**
 * A registered work as the chain recorded it, plus the off-chain facts the service keeps about its file.
 * {@code registeredAt} is the transaction's timestamp, never a client's clock.
 */
public record Work(
        String id,
        String contentHash,
        String title,
        String kind,
        String fingerprint,
        String fingerprintKind,
        String status,
        String registrant,
        List<CreatorShare> creators,
        String metadataHash,
        String metadataJson,
        String contentType,
        Long sizeBytes,
        String txId,
        long blockNumber,
        Instant registeredAt) {

    public Work {
        creators = List.copyOf(creators);
    }
}
