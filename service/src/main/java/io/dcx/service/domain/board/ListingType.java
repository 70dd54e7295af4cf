package io.dcx.service.domain.board;

/**
 * How an asset is offered. There is no continuous anonymous order book: every type names both parties of its trade.
 * <ul>
 * <li>{@code FIXED_PRICE}: the first approved buyer at the asking price gets it; may also take named offers.</li>
 * <li>{@code OFFERS_ONLY}: no asking price; buyers make named offers, the owner accepts, rejects or counters.</li>
 * <li>{@code ENGLISH_AUCTION}: open ascending bids with a reserve, a minimum increment and an end time that moves on
 * late bids.</li>
 * <li>{@code SEALED_BID_AUCTION}: bids committed as hashes, then revealed; the highest valid bid wins at its
 * price.</li>
 * </ul>
 */
public enum ListingType {
    FIXED_PRICE, OFFERS_ONLY, ENGLISH_AUCTION, SEALED_BID_AUCTION;

    public boolean isAuction() {
        return this == ENGLISH_AUCTION || this == SEALED_BID_AUCTION;
    }

    /** Whether buyers may make named offers on a listing of this type. */
    public boolean takesOffers() {
        return this == FIXED_PRICE || this == OFFERS_ONLY;
    }
}
