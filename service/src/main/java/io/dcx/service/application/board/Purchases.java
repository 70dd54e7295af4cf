package io.dcx.service.application.board;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeTerms;
import io.dcx.service.domain.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Buying a fixed-price listing at its asking price. The listing row is locked while the buyer is checked and the
 * trade opened, so of two buyers racing for one asset exactly one gets the trade; the other finds the listing
 * RESERVED (409 LISTING_NOT_OPEN) and nothing of theirs is held. The trade then settles in the same request.
 */
@ApplicationScoped
public class Purchases {
    private final ListingStore listings;
    private final PreTradeChecks checks;
    private final SettlementSaga saga;

    public Purchases(ListingStore listings, PreTradeChecks checks, SettlementSaga saga) {
        this.listings = listings;
        this.checks = checks;
        this.saga = saga;
    }

    public Trade buy(Actor buyer, String listingId) {
        String tradeId = QuarkusTransaction.requiringNew().call(() -> {
            if (listingId == null || !Listings.LISTING_ID.matcher(listingId).matches()) {
                throw Listings.notFound(listingId);
            }
            Listing listing = listings.findForUpdate(listingId).orElseThrow(() -> Listings.notFound(listingId));
            if (listing.type() != ListingType.FIXED_PRICE) {
                throw new DcxException(ErrorCode.LISTING_TYPE_NOT_ALLOWED,
                        "listing " + listingId + " is " + listing.type() + ", not for sale at a fixed price");
            }
            if (listing.status() != ListingStatus.OPEN) {
                throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listingId + " is " + listing.status());
            }
            Money price = Money.fen(listing.priceFen());
            PreTradeChecks.ChainAsset asset = checks.requireBuyable(listing, buyer.accountId(), price, Instant.now());
            return saga.open(new TradeTerms(listing.id(), listing.assetId(), listing.sellerId(), buyer.accountId(),
                    price, TradeOrigin.PURCHASE, null), !"ISSUE".equals(asset.acquiredBy()));
        });
        return saga.run(tradeId);
    }
}
