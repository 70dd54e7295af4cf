package io.dcx.service.application.board;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.money.Holds;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.application.port.OfferStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.board.Offer;
import io.dcx.service.domain.board.OfferStatus;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Listing assets on the board and taking them off. Only the owner of an active, unfrozen, unlocked asset with
 * approved KYC may list it, as a type board policy allows for the asset's kind, at a price inside the band
 * ({@link PreTradeChecks#requireListable}); an asset has at most one live listing.
 */
@ApplicationScoped
public class Listings {
    static final Pattern LISTING_ID = Pattern.compile("lst_[0-9a-f]{20}");
    static final int MAX_TEXT = 2000;
    static final int MIN_AUCTION_SECONDS = 60;
    static final int MAX_EXTENSION_SECONDS = 3600;

    private final ListingStore listings;
    private final OfferStore offers;
    private final Holds holds;
    private final PreTradeChecks checks;
    private final BoardConfig config;
    private final AuditLog audit;
    private final jakarta.enterprise.inject.Instance<Auctions> auctions;

    public Listings(ListingStore listings, OfferStore offers, Holds holds, PreTradeChecks checks, BoardConfig config,
            AuditLog audit, jakarta.enterprise.inject.Instance<Auctions> auctions) {
        this.listings = listings;
        this.offers = offers;
        this.holds = holds;
        this.checks = checks;
        this.config = config;
        this.audit = audit;
        this.auctions = auctions;
    }

    /** What a seller asks for; which fields apply depends on the type (see {@link Listing}). */
    public record NewListing(String assetId, ListingType type, Long priceFen, Long reserveFen, Long minIncrementFen,
            Instant endsAt, Instant revealEndsAt, Integer extensionSeconds, String disclosure, String licenceTerms) {
    }

    @Transactional
    public Listing create(Actor seller, NewListing r, Instant now) {
        validate(r, now);
        Money price = r.priceFen() == null ? null : Money.fen(r.priceFen());
        PreTradeChecks.ChainAsset asset = checks.requireListable(seller.accountId(), r.assetId(), r.type(),
                price != null ? price : r.reserveFen() == null ? null : Money.fen(r.reserveFen()), now);
        Integer extension = r.type() == ListingType.ENGLISH_AUCTION
                ? (r.extensionSeconds() == null ? 300 : r.extensionSeconds()) : null;
        Long reserve = r.type() == ListingType.ENGLISH_AUCTION && r.reserveFen() == null ? r.priceFen()
                : r.reserveFen();
        String terms = r.licenceTerms() == null || r.licenceTerms().isBlank() ? defaultTerms(asset)
                : r.licenceTerms().strip();
        Listing listing = new Listing(Ids.next("lst"), asset.id(), asset.workId(), asset.kind(), seller.accountId(),
                r.type(), r.priceFen(), reserve, r.minIncrementFen(), r.endsAt(), r.revealEndsAt(), extension,
                r.disclosure().strip(), terms, ListingStatus.OPEN, null, now, now);
        if (!listings.insert(listing)) {
            throw new DcxException(ErrorCode.ASSET_ALREADY_LISTED, "asset " + asset.id() + " is already on the board");
        }
        audit.record(new AuditLog.Event(now, seller.accountId(), "LISTING_CREATED", "listing", listing.id(), null,
                AuditJson.of("assetId", listing.assetId(), "type", listing.type(), "priceFen", listing.priceFen(),
                        "reserveFen", listing.reserveFen(), "endsAt",
                        listing.endsAt() == null ? null : listing.endsAt().toString()), seller.requestId()));
        return listing;
    }

    /**
     * Takes an OPEN listing off the board: by its seller (fixed price and offers only; an auction with bidders is
     * not the seller's to withdraw) or by an operator. Open offers lapse and their holds are released.
     */
    @Transactional
    public Listing cancel(Actor actor, String listingId, boolean operator, String reason) {
        Listing listing = findForUpdate(listingId);
        if (!operator && !listing.sellerId().equals(actor.accountId())) {
            throw notFound(listingId);
        }
        if (!operator && listing.type().isAuction()) {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "an auction can only be withdrawn by an operator");
        }
        if (listing.status() != ListingStatus.OPEN) {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listingId + " is " + listing.status());
        }
        Instant now = Instant.now();
        for (Offer offer : offers.byListing(listingId, true)) {
            holds.release(offer.holdReference());
            offers.update(offer.with(OfferStatus.LAPSED, offer.counterAmount(), offer.holdReference(), null, now));
        }
        Listing cancelled = listing.withStatus(ListingStatus.CANCELLED, listing.tradeId(), now);
        listings.update(cancelled);
        if (listing.type().isAuction()) {
            // Bidders' money is free at once, not at the closer's next run.
            auctions.get().releaseBids(listingId, now);
        }
        audit.record(new AuditLog.Event(now, actor.accountId(), "LISTING_CANCELLED", "listing", listingId,
                AuditJson.of("status", listing.status()), AuditJson.of("status", cancelled.status(), "reason", reason),
                actor.requestId()));
        return cancelled;
    }

    public Listing get(String listingId) {
        if (listingId == null || !LISTING_ID.matcher(listingId).matches()) {
            throw notFound(listingId);
        }
        return listings.find(listingId).orElseThrow(() -> notFound(listingId));
    }

    public List<Listing> search(ListingStatus status, ListingType type, String workId, String sellerId, int offset,
            int limit) {
        return listings.search(status, type, workId, sellerId, Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }

    Listing findForUpdate(String listingId) {
        if (listingId == null || !LISTING_ID.matcher(listingId).matches()) {
            throw notFound(listingId);
        }
        return listings.findForUpdate(listingId).orElseThrow(() -> notFound(listingId));
    }

    static DcxException notFound(String listingId) {
        return new DcxException(ErrorCode.LISTING_NOT_FOUND, "no listing with id " + listingId);
    }

    private void validate(NewListing r, Instant now) {
        if (r.assetId() == null || r.assetId().isBlank()) {
            throw invalid("assetId is required");
        }
        if (r.type() == null) {
            throw invalid("type is one of " + List.of(ListingType.values()));
        }
        if (r.disclosure() == null || r.disclosure().isBlank() || r.disclosure().length() > MAX_TEXT) {
            throw invalid("disclosure is required, 1.." + MAX_TEXT + " characters");
        }
        if (r.licenceTerms() != null && r.licenceTerms().length() > MAX_TEXT) {
            throw invalid("licenceTerms is at most " + MAX_TEXT + " characters");
        }
        requirePrice("priceFen", r.priceFen());
        requirePrice("reserveFen", r.reserveFen());
        requirePrice("minIncrementFen", r.minIncrementFen());
        switch (r.type()) {
            case FIXED_PRICE -> {
                if (r.priceFen() == null) {
                    throw invalid("a fixed-price listing has a priceFen");
                }
                noAuctionTerms(r);
            }
            case OFFERS_ONLY -> {
                if (r.priceFen() != null) {
                    throw invalid("an offers-only listing has no priceFen");
                }
                noAuctionTerms(r);
            }
            case ENGLISH_AUCTION -> {
                if (r.priceFen() == null || r.minIncrementFen() == null || r.endsAt() == null) {
                    throw invalid("an English auction has priceFen (the opening bid), minIncrementFen and endsAt");
                }
                if (r.reserveFen() != null && r.reserveFen() < r.priceFen()) {
                    throw invalid("reserveFen is at least the opening bid");
                }
                if (r.revealEndsAt() != null) {
                    throw invalid("revealEndsAt belongs to sealed-bid auctions");
                }
                if (r.extensionSeconds() != null
                        && (r.extensionSeconds() < 0 || r.extensionSeconds() > MAX_EXTENSION_SECONDS)) {
                    throw invalid("extensionSeconds is 0.." + MAX_EXTENSION_SECONDS);
                }
                requireAuctionEnd(r.endsAt(), now);
            }
            case SEALED_BID_AUCTION -> {
                if (r.priceFen() != null || r.minIncrementFen() != null || r.extensionSeconds() != null) {
                    throw invalid("a sealed-bid auction has reserveFen, endsAt and revealEndsAt only");
                }
                if (r.reserveFen() == null || r.endsAt() == null || r.revealEndsAt() == null) {
                    throw invalid("a sealed-bid auction has reserveFen, endsAt and revealEndsAt");
                }
                requireAuctionEnd(r.endsAt(), now);
                if (r.revealEndsAt().isBefore(r.endsAt().plusSeconds(MIN_AUCTION_SECONDS))) {
                    throw invalid("the reveal phase lasts at least " + MIN_AUCTION_SECONDS + " seconds");
                }
                requireAuctionEnd(r.revealEndsAt(), now);
            }
        }
    }

    private void requirePrice(String field, Long fen) {
        if (fen != null && (fen <= 0 || fen > config.maxPriceFen())) {
            throw new DcxException(ErrorCode.INVALID_PRICE, field + " is 1.." + config.maxPriceFen() + " fen");
        }
    }

    private static void noAuctionTerms(NewListing r) {
        if (r.reserveFen() != null || r.minIncrementFen() != null || r.endsAt() != null || r.revealEndsAt() != null
                || r.extensionSeconds() != null) {
            throw invalid("reserveFen, minIncrementFen, endsAt, revealEndsAt and extensionSeconds belong to auctions");
        }
    }

    private void requireAuctionEnd(Instant end, Instant now) {
        Duration max = config.maxAuctionDuration();
        if (end.isBefore(now.plusSeconds(MIN_AUCTION_SECONDS)) || end.isAfter(now.plus(max))) {
            throw invalid("an auction ends between " + MIN_AUCTION_SECONDS + " seconds and " + max + " from now");
        }
    }

    private static DcxException invalid(String detail) {
        return new DcxException(ErrorCode.INVALID_LISTING, detail);
    }

    private static String defaultTerms(PreTradeChecks.ChainAsset asset) {
        return asset.kind() == AssetKind.COPYRIGHT
                ? "Assignment of the copyright in work " + asset.workId() + ", with every right the registration"
                        + " records and the licences already granted."
                : "One edition of work " + asset.workId() + " for personal collection and display. No copyright,"
                        + " commercial use or derivative rights pass to the buyer.";
    }
}
