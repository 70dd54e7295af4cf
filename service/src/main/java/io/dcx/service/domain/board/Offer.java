package io.dcx.service.domain.board;

import io.dcx.service.domain.money.Money;
import java.time.Instant;

/**
 * A buyer's named offer on a listed asset. {@code holdReference} names the hold on the buyer's money: the offer id,
 * or after the buyer accepted a counter, the id with {@code -c} (a new hold of the countered amount).
 */
public record Offer(String id, String listingId, String assetId, String sellerId, String buyerId, Money amount,
        Money counterAmount, String message, OfferStatus status, String holdReference, String tradeId,
        Instant createdAt, Instant updatedAt) {

    public Offer with(OfferStatus newStatus, Money newCounter, String newHold, String newTradeId, Instant at) {
        return new Offer(id, listingId, assetId, sellerId, buyerId, amount, newCounter, message, newStatus, newHold,
                newTradeId, createdAt, at);
    }
}
