package io.dcx.service.application.board;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.money.Holds;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.application.port.OfferStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.Offer;
import io.dcx.service.domain.board.OfferStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeTerms;
import io.dcx.service.domain.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Named offers on a listed asset (FIXED_PRICE or OFFERS_ONLY). Making an offer holds the buyer's money, so an
 * accepted offer can settle at once. The owner accepts, rejects or counters; the buyer may accept a counter (the
 * hold is replaced by one of the countered amount, atomically) or withdraw. Parties see their offers; anyone else
 * gets 404.
 */
@ApplicationScoped
public class Offers {
    static final Pattern OFFER_ID = Pattern.compile("ofr_[0-9a-f]{20}");
    private static final int MAX_MESSAGE = 500;

    private final ListingStore listings;
    private final OfferStore offers;
    private final Holds holds;
    private final PreTradeChecks checks;
    private final SettlementSaga saga;
    private final BoardConfig config;

    public Offers(ListingStore listings, OfferStore offers, Holds holds, PreTradeChecks checks, SettlementSaga saga,
            BoardConfig config) {
        this.listings = listings;
        this.offers = offers;
        this.holds = holds;
        this.checks = checks;
        this.saga = saga;
        this.config = config;
    }

    @Transactional
    public Offer make(Actor buyer, String listingId, Long amountFen, String message) {
        Money amount = amount(amountFen);
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "message is at most " + MAX_MESSAGE + " characters");
        }
        Listing listing = openListing(listingId);
        if (!listing.type().takesOffers()) {
            throw new DcxException(ErrorCode.LISTING_TYPE_NOT_ALLOWED, "listing " + listingId + " is an auction: bid");
        }
        Instant now = Instant.now();
        checks.requireBuyable(listing, buyer.accountId(), amount, now);
        boolean already = offers.byListing(listingId, true).stream()
                .anyMatch(o -> o.buyerId().equals(buyer.accountId()));
        if (already) {
            throw new DcxException(ErrorCode.OFFER_EXISTS,
                    "the caller already has an open offer on listing " + listingId + "; withdraw it first");
        }
        String id = Ids.next("ofr");
        holds.place(buyer.accountId(), id, amount);
        Offer offer = new Offer(id, listingId, listing.assetId(), listing.sellerId(), buyer.accountId(), amount, null,
                message == null || message.isBlank() ? null : message.strip(), OfferStatus.PENDING, id, null, now,
                now);
        offers.insert(offer);
        return offer;
    }

    /**
     * The seller accepts a PENDING offer, or the buyer accepts the seller's counter; either opens the trade and
     * settles it in this request.
     */
    public Trade accept(Actor actor, String offerId) {
        String tradeId = QuarkusTransaction.requiringNew().call(() -> {
            Offer offer = visibleForUpdate(actor, offerId);
            Listing listing = listings.findForUpdate(offer.listingId()).orElseThrow();
            boolean bySeller = actor.accountId().equals(offer.sellerId());
            Money price;
            String hold;
            if (bySeller && offer.status() == OfferStatus.PENDING) {
                price = offer.amount();
                hold = offer.holdReference();
            } else if (!bySeller && offer.status() == OfferStatus.COUNTERED) {
                price = offer.counterAmount();
                holds.release(offer.holdReference());
                hold = offer.id() + "-c";
            } else {
                throw new DcxException(ErrorCode.OFFER_NOT_PENDING, "offer " + offerId + " is " + offer.status()
                        + (bySeller ? "" : "; the buyer accepts only a counter"));
            }
            if (listing.status() != ListingStatus.OPEN) {
                throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listing.id() + " is "
                        + listing.status());
            }
            PreTradeChecks.ChainAsset asset = checks.requireBuyable(listing, offer.buyerId(), price, Instant.now());
            String id = saga.open(new TradeTerms(listing.id(), listing.assetId(), listing.sellerId(), offer.buyerId(),
                    price, TradeOrigin.OFFER, hold), !"ISSUE".equals(asset.acquiredBy()));
            offers.update(offer.with(OfferStatus.ACCEPTED, offer.counterAmount(), hold, id, Instant.now()));
            return id;
        });
        return saga.run(tradeId);
    }

    @Transactional
    public Offer reject(Actor seller, String offerId) {
        Offer offer = visibleForUpdate(seller, offerId);
        if (!seller.accountId().equals(offer.sellerId())) {
            throw notFound(offerId);
        }
        return close(offer, OfferStatus.REJECTED);
    }

    @Transactional
    public Offer withdraw(Actor buyer, String offerId) {
        Offer offer = visibleForUpdate(buyer, offerId);
        if (!buyer.accountId().equals(offer.buyerId())) {
            throw notFound(offerId);
        }
        return close(offer, OfferStatus.WITHDRAWN);
    }

    /** The seller names another price; the buyer's hold stays at the offered amount until they accept. */
    @Transactional
    public Offer counter(Actor seller, String offerId, Long amountFen) {
        Money amount = amount(amountFen);
        Offer offer = visibleForUpdate(seller, offerId);
        if (!seller.accountId().equals(offer.sellerId())) {
            throw notFound(offerId);
        }
        if (offer.status() != OfferStatus.PENDING) {
            throw new DcxException(ErrorCode.OFFER_NOT_PENDING, "offer " + offerId + " is " + offer.status());
        }
        if (amount.equals(offer.amount())) {
            throw new DcxException(ErrorCode.INVALID_PRICE, "a counter names a price other than the offer's");
        }
        Listing listing = openListing(offer.listingId());
        checks.requireBuyable(listing, offer.buyerId(), amount, Instant.now());
        Offer countered = offer.with(OfferStatus.COUNTERED, amount, offer.holdReference(), null, Instant.now());
        offers.update(countered);
        return countered;
    }

    /** The offer if the caller is its buyer or seller (or may read all), else OFFER_NOT_FOUND. */
    public Offer get(Actor actor, String offerId, boolean readsAll) {
        Offer offer = find(offerId);
        if (!readsAll && !actor.accountId().equals(offer.buyerId()) && !actor.accountId().equals(offer.sellerId())) {
            throw notFound(offerId);
        }
        return offer;
    }

    /** A listing's offers: all of them for its seller (or readers of all), the caller's own otherwise. */
    public List<Offer> ofListing(Actor actor, String listingId, boolean readsAll) {
        Listing listing = listings.find(listingId == null ? "" : listingId)
                .orElseThrow(() -> Listings.notFound(listingId));
        return offers.byListing(listing.id(), false).stream()
                .filter(o -> readsAll || actor.accountId().equals(listing.sellerId())
                        || actor.accountId().equals(o.buyerId()))
                .toList();
    }

    public List<Offer> mine(Actor actor, int limit) {
        return offers.byParty(actor.accountId(), Math.max(1, Math.min(limit, 200)));
    }

    private Offer close(Offer offer, OfferStatus status) {
        if (!offer.status().isOpen()) {
            throw new DcxException(ErrorCode.OFFER_NOT_PENDING, "offer " + offer.id() + " is " + offer.status());
        }
        holds.release(offer.holdReference());
        Offer closed = offer.with(status, offer.counterAmount(), offer.holdReference(), null, Instant.now());
        offers.update(closed);
        return closed;
    }

    private Listing openListing(String listingId) {
        if (listingId == null || !Listings.LISTING_ID.matcher(listingId).matches()) {
            throw Listings.notFound(listingId);
        }
        Listing listing = listings.findForUpdate(listingId).orElseThrow(() -> Listings.notFound(listingId));
        if (listing.status() != ListingStatus.OPEN) {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listingId + " is " + listing.status());
        }
        return listing;
    }

    private Offer visibleForUpdate(Actor actor, String offerId) {
        if (offerId == null || !OFFER_ID.matcher(offerId).matches()) {
            throw notFound(offerId);
        }
        Offer offer = offers.findForUpdate(offerId).orElseThrow(() -> notFound(offerId));
        if (!actor.accountId().equals(offer.buyerId()) && !actor.accountId().equals(offer.sellerId())) {
            throw notFound(offerId);
        }
        return offer;
    }

    private Offer find(String offerId) {
        if (offerId == null || !OFFER_ID.matcher(offerId).matches()) {
            throw notFound(offerId);
        }
        return offers.find(offerId).orElseThrow(() -> notFound(offerId));
    }

    private Money amount(Long fen) {
        if (fen == null || fen <= 0 || fen > config.maxPriceFen()) {
            throw new DcxException(ErrorCode.INVALID_PRICE, "amountFen is 1.." + config.maxPriceFen() + " fen");
        }
        return Money.fen(fen);
    }

    private static DcxException notFound(String offerId) {
        return new DcxException(ErrorCode.OFFER_NOT_FOUND, "no offer with id " + offerId);
    }
}
