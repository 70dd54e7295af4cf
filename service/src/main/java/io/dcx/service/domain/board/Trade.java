package io.dcx.service.domain.board;

import io.dcx.service.domain.money.Money;
import java.time.Instant;

/**
 * A trade between two named parties at an agreed price, and where its settlement stands. {@code holdReference} is
 * the hold on the buyer's money (the trade id for a purchase, the offer or bid id otherwise); {@code termsHash} is
 * what the chain lock records (see {@link TradeTerms#hash}); {@code rail} the payment rail the seller is paid
 * through; {@code resale} whether the seller acquired the asset by trade or transfer (royalties are due) rather than
 * by issue. The split (fee, royalties, seller net) is fixed when the journal is posted.
 */
public record Trade(
        String id,
        String listingId,
        String assetId,
        String workId,
        String sellerId,
        String buyerId,
        Money price,
        TradeOrigin origin,
        String holdReference,
        String rail,
        boolean resale,
        String termsHash,
        TradeStatus status,
        String failureCode,
        String failureReason,
        SettlementSplit split,
        String settleTxId,
        Long settleBlock,
        Instant createdAt,
        Instant settledAt,
        Instant updatedAt) {

    public Trade failed(String code, String reason, Instant at) {
        return new Trade(id, listingId, assetId, workId, sellerId, buyerId, price, origin, holdReference, rail,
                resale, termsHash, TradeStatus.FAILED, code, reason, split, settleTxId, settleBlock, createdAt, null, at);
    }

    public Trade settled(SettlementSplit newSplit, Instant at) {
        return new Trade(id, listingId, assetId, workId, sellerId, buyerId, price, origin, holdReference, rail,
                resale, termsHash, TradeStatus.SETTLED, null, null, newSplit, settleTxId, settleBlock, createdAt, at, at);
    }

    public Trade settledOnChain(String txId, long block, Instant at) {
        return new Trade(id, listingId, assetId, workId, sellerId, buyerId, price, origin, holdReference, rail,
                resale, termsHash, status, failureCode, failureReason, split, txId, block, createdAt, settledAt, at);
    }

    /** Marks the trade as compensating: the failure is known, the releases are still to run. */
    public Trade failing(String code, String reason, Instant at) {
        return new Trade(id, listingId, assetId, workId, sellerId, buyerId, price, origin, holdReference, rail,
                resale, termsHash, status, code, reason, split, settleTxId, settleBlock, createdAt, settledAt, at);
    }

    public boolean isCompensating() {
        return status == TradeStatus.SETTLING && failureCode != null;
    }
}
