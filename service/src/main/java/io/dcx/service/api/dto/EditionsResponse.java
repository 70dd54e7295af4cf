package io.dcx.service.api.dto;

import java.util.List;

/** The editions just issued, and the transaction that issued them. */
public record EditionsResponse(String workId, int count, long issuePriceFen, String currency, String txId,
        long blockNumber, List<AssetResponse> assets) {
}
