package io.dcx.service.domain.board;

import io.dcx.service.domain.asset.Asset.AssetKind;
import java.time.Instant;

/**
 * An asset offered on the board by its owner.
 *
 * <p>Terms by type: {@code priceFen} is the asking price (FIXED_PRICE), the opening bid (ENGLISH_AUCTION), or null
 * (OFFERS_ONLY, SEALED_BID_AUCTION); {@code reserveFen} is the lowest price an auction sells at;
 * {@code minIncrementFen} is how much an English bid must beat the last by; {@code endsAt} ends the bidding of an
 * auction (moved by late English bids, by {@code extensionSeconds}); {@code revealEndsAt} ends the reveal phase of a
 * sealed-bid auction. {@code disclosure} is the seller's statement to buyers and {@code licenceTerms} what rights
 * come with the asset (both shown with the listing). {@code tradeId} is the trade settling or settled.
 */
public record Listing(
        String id,
        String assetId,
        String workId,
        AssetKind assetKind,
        String sellerId,
        ListingType type,
        Long priceFen,
        Long reserveFen,
        Long minIncrementFen,
        Instant endsAt,
        Instant revealEndsAt,
        Integer extensionSeconds,
        String disclosure,
        String licenceTerms,
        ListingStatus status,
        String tradeId,
        Instant createdAt,
        Instant updatedAt) {

    public Listing withStatus(ListingStatus newStatus, String newTradeId, Instant at) {
        return new Listing(id, assetId, workId, assetKind, sellerId, type, priceFen, reserveFen, minIncrementFen,
                endsAt, revealEndsAt, extensionSeconds, disclosure, licenceTerms, newStatus, newTradeId, createdAt, at);
    }

    public Listing withEndsAt(Instant newEndsAt, Instant at) {
        return new Listing(id, assetId, workId, assetKind, sellerId, type, priceFen, reserveFen, minIncrementFen,
                newEndsAt, revealEndsAt, extensionSeconds, disclosure, licenceTerms, status, tradeId, createdAt, at);
    }
}
