package io.dcx.service.domain.risk;

import java.time.Instant;

/**
 * A change of owner as the chain recorded it: a settled trade ({@code tradeId} set; {@code priceFen} when the
 * service's books name the price the chain's terms hash agreed to) or a transfer outside the board ({@code tradeId}
 * and {@code priceFen} null). {@code editionCount} is the size of the asset's series (null for a copyright).
 */
public record MarketEvent(String tradeId, String assetId, String workId, Integer editionCount, String sellerId,
        String buyerId, Long priceFen, Instant at, String txId, long blockNumber) {

    public MarketEvent {
        if (assetId == null || sellerId == null || buyerId == null || at == null) {
            throw new IllegalArgumentException("an event names the asset, both parties and the time");
        }
    }

    /** The id the evidence refers to: the trade, or for a transfer its chain transaction. */
    public String reference() {
        return tradeId != null ? tradeId : txId;
    }
}
