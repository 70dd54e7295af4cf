package io.dcx.service.domain.board;

/** What made a trade: a purchase at the asking price, an accepted offer, or an auction's close. */
public enum TradeOrigin {
    PURCHASE, OFFER, ENGLISH_AUCTION, SEALED_BID_AUCTION
}
