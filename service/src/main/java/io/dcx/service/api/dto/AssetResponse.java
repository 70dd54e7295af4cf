package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.asset.Asset;
import java.time.Instant;

/**
 * An asset as the API shows it. {@code edition}, {@code editionCount} and {@code issuePriceFen} (integer fen, CNY)
 * are absent for a copyright. {@code txId}/{@code blockNumber} name the last transaction that changed it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssetResponse(
        String id,
        String workId,
        String kind,
        Integer edition,
        Integer editionCount,
        String ownerId,
        String status,
        Long issuePriceFen,
        String currency,
        Instant acquiredAt,
        String acquiredBy,
        String lastAction,
        String txId,
        long blockNumber) {

    public static AssetResponse of(Asset a) {
        return new AssetResponse(a.id(), a.workId(), a.kind().name(), a.edition(), a.editionCount(), a.ownerId(),
                a.status(), a.issuePriceFen(), a.issuePriceFen() == null ? null : "CNY", a.acquiredAt(),
                a.acquiredBy(), a.lastAction(), a.txId(), a.blockNumber());
    }
}
