package io.dcx.service.application.board;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.money.Balances;
import io.dcx.service.application.money.Holds;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.BidStore;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.AuctionClose;
import io.dcx.service.domain.board.Bid;
import io.dcx.service.domain.board.BidStatus;
import io.dcx.service.domain.board.EnglishAuction;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.board.SealedBidAuction;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeTerms;
import io.dcx.service.domain.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bids, reveals and the close of auctions (the rules are {@link EnglishAuction} and {@link SealedBidAuction}).
 * Time is a parameter ({@code now}): resources pass the clock, tests a chosen instant.
 *
 * <p><b>Locking.</b> Every change to an auction's bids takes the listing's row lock first, so bids, reveals and the
 * close of one auction happen one after the other; the bids' unique indexes are a second line of defence.
 *
 * <p><b>Money.</b> A bid holds the bidder's money under the bid's id: an English bid when it is placed (the bid it
 * beats is released in the same transaction, also when a bidder raises their own bid, so raising needs only the new
 * amount), a sealed bid when it is revealed. A reveal the bidder's available money does not cover is recorded
 * INVALID (reason INSUFFICIENT_FUNDS) rather than refused, so a bidder cannot keep a commitment alive by emptying
 * their account. At the close every hold but the winner's is released, and the winner's becomes the trade's hold.
 *
 * <p><b>Pre-trade checks.</b> {@link PreTradeChecks#requireBuyable} runs for every English bid at its amount, for a
 * commitment at the reserve (the least it can be; the amount is secret) and for a reveal at its amount; a refusal
 * writes nothing. At the close it runs again for the winner: a winner refused then loses, and a sealed auction takes
 * the next valid bid (an English auction ends without a sale: see {@link EnglishAuction}). A HALT at the close
 * postpones it instead (the auction stays due and is closed once the halt is lifted), since a pause is not the
 * bidders' fault.
 */
@ApplicationScoped
public class Auctions {
    private static final Logger LOG = Logger.getLogger(Auctions.class);
    private static final int CLOSE_BATCH = 50;

    private final ListingStore listings;
    private final BidStore bids;
    private final Holds holds;
    private final Balances balances;
    private final PreTradeChecks checks;
    private final SettlementSaga saga;
    private final AuditLog audit;
    private final BoardConfig config;

    public Auctions(ListingStore listings, BidStore bids, Holds holds, Balances balances, PreTradeChecks checks,
            SettlementSaga saga, AuditLog audit, BoardConfig config) {
        this.listings = listings;
        this.bids = bids;
        this.holds = holds;
        this.balances = balances;
        this.checks = checks;
        this.saga = saga;
        this.audit = audit;
        this.config = config;
    }

    /** How an auction ended: the winning bid and its trade, or why nothing sold. */
    public record ClosedAuction(String listingId, String winningBidId, String tradeId, AuctionClose.NoSale noSale) {
    }

    /** A bid just taken, and its listing after it (an English bid may have moved the end). */
    public record Placed(Bid bid, Listing listing) {
    }

    /** The listing and the bids the viewer may see of it. */
    public record BidView(Listing listing, List<Bid> bids) {
    }

    /**
     * Places an English bid ({@code amountFen}) or a sealed commitment ({@code commitment}) on the listing; exactly
     * one of them, as the listing's type asks (INVALID_BID otherwise).
     */
    @Transactional
    public Placed bid(Actor bidder, String listingId, Long amountFen, String commitment, Instant now) {
        Listing listing = lockAuction(listingId);
        if (listing.type() == ListingType.ENGLISH_AUCTION) {
            if (amountFen == null || commitment != null) {
                throw new DcxException(ErrorCode.INVALID_BID, "an English auction takes {\"amountFen\": n}");
            }
            return placeEnglish(bidder, listing, Money.fen(requirePriceable(amountFen)), now);
        }
        if (commitment == null || amountFen != null) {
            throw new DcxException(ErrorCode.INVALID_BID,
                    "a sealed-bid auction takes {\"commitment\": \"<64 hex>\"}; the amount comes with the reveal");
        }
        return commitSealed(bidder, listing, commitment, now);
    }

    private Placed placeEnglish(Actor bidder, Listing listing, Money amount, Instant now) {
        EnglishAuction auction = new EnglishAuction(listing, bids.ofListing(listing.id()));
        EnglishAuction.Placement placement = auction.place(Ids.next("bid"), bidder.accountId(), amount, now);
        checks.requireBuyable(listing, bidder.accountId(), amount, now);
        placement.outbid().ifPresent(outbid -> {
            bids.update(outbid);
            holds.release(outbid.id());
        });
        Bid bid = placement.bid();
        bids.insert(bid);
        holds.place(bidder.accountId(), bid.id(), amount);
        if (placement.extended(listing)) {
            listings.update(placement.listing());
        }
        String before = placement.outbid()
                .map(o -> AuditJson.of("highestBidId", o.id(), "highestFen", o.amountFen(), "endsAt",
                        listing.endsAt().toString()))
                .orElse(AuditJson.of("endsAt", listing.endsAt().toString()));
        audit.record(new AuditLog.Event(now, bidder.accountId(), "BID_PLACED", "listing", listing.id(), before,
                AuditJson.of("highestBidId", bid.id(), "highestFen", bid.amountFen(), "endsAt",
                        placement.listing().endsAt().toString()),
                bidder.requestId()));
        return new Placed(bid, placement.listing());
    }

    private Placed commitSealed(Actor bidder, Listing listing, String commitment, Instant now) {
        SealedBidAuction auction = new SealedBidAuction(listing, bids.ofListing(listing.id()));
        SealedBidAuction.Commitment committed = auction.commit(Ids.next("bid"), bidder.accountId(), commitment, now);
        checks.requireBuyable(listing, bidder.accountId(), auction.reserve(), now);
        committed.replaced().ifPresent(bids::update);
        bids.insert(committed.bid());
        audit.record(new AuditLog.Event(now, bidder.accountId(), "BID_COMMITTED", "bid", committed.bid().id(),
                committed.replaced().map(r -> AuditJson.of("replacedBidId", r.id())).orElse(null),
                AuditJson.of("listingId", listing.id(), "commitment", commitment, "status", BidStatus.COMMITTED),
                bidder.requestId()));
        return new Placed(committed.bid(), listing);
    }

    /**
     * Reveals a sealed bid. Answers the bid: REVEALED (money held) or INVALID with the reason (BID_TOO_LOW,
     * INSUFFICIENT_FUNDS), which the caller reports as a refusal. Revealing a revealed bid again answers it as it is.
     */
    @Transactional
    public Bid reveal(Actor bidder, String listingId, String bidId, long amountFen, String salt, Instant now) {
        Listing listing = lockAuction(listingId);
        if (listing.type() != ListingType.SEALED_BID_AUCTION) {
            throw new DcxException(ErrorCode.BID_NOT_FOUND, "no sealed bid " + bidId + " of yours here");
        }
        SealedBidAuction auction = new SealedBidAuction(listing, bids.ofListing(listing.id()));
        SealedBidAuction.Reveal reveal = auction.reveal(bidId, bidder.accountId(), requirePriceable(amountFen), salt,
                now);
        if (!reveal.fresh()) {
            return reveal.bid();
        }
        Bid bid = reveal.bid();
        if (bid.status() == BidStatus.REVEALED) {
            checks.requireBuyable(listing, bidder.accountId(), bid.amount(), now);
            // Checked under the listing lock; a debit elsewhere racing this reveal makes the hold below fail with
            // INSUFFICIENT_FUNDS instead, which rolls the reveal back (the bidder may reveal again).
            if (balances.of(bidder.accountId()).available().compareTo(bid.amount()) < 0) {
                bid = bid.invalid(ErrorCode.INSUFFICIENT_FUNDS.name());
            } else {
                holds.place(bidder.accountId(), bid.id(), bid.amount());
            }
        }
        bids.update(bid);
        audit.record(new AuditLog.Event(now, bidder.accountId(), "BID_REVEALED", "bid", bid.id(),
                AuditJson.of("status", BidStatus.COMMITTED),
                AuditJson.of("listingId", listing.id(), "status", bid.status(), "amountFen", bid.amountFen(),
                        "invalidReason", bid.invalidReason()),
                bidder.requestId()));
        return bid;
    }

    /**
     * The listing's bids as {@code viewerId} may see them at {@code now}: all of an English auction; of a sealed one
     * the viewer's own, and after the reveal phase every revealed bid.
     */
    public BidView bidsOf(String listingId, String viewerId, Instant now) {
        Listing listing = listings.find(listingId)
                .orElseThrow(() -> new DcxException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId));
        if (!listing.type().isAuction()) {
            return new BidView(listing, List.of());
        }
        List<Bid> all = bids.ofListing(listingId);
        if (listing.type() == ListingType.ENGLISH_AUCTION) {
            return new BidView(listing, all);
        }
        return new BidView(listing, new SealedBidAuction(listing, all).visibleTo(viewerId, now));
    }

    /**
     * Closes every auction due at {@code now} (a batch at a time) and runs the settlement of each sale. Must not be
     * called inside a transaction: each auction closes in its own, and settlement runs after it committed. One
     * auction that fails to close is logged and left for the next run. It also ends the bids of auctions an operator
     * cancelled (holds released), in case the cancel did not call {@link #releaseBids} itself.
     */
    public List<ClosedAuction> closeDue(Instant now) {
        for (String cancelled : bids.cancelledWithLiveBids(CLOSE_BATCH)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    listings.findForUpdate(cancelled);
                    releaseBids(cancelled, now);
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "releasing the bids of cancelled auction %s failed; tried again next run", cancelled);
            }
        }
        List<ClosedAuction> closed = new ArrayList<>();
        for (Listing listing : listings.dueAuctions(now, CLOSE_BATCH)) {
            try {
                close(listing.id(), now).ifPresent(closed::add);
            } catch (RuntimeException e) {
                LOG.errorf(e, "closing auction %s failed; it stays due", listing.id());
            }
        }
        for (ClosedAuction c : closed) {
            if (c.tradeId() != null) {
                try {
                    saga.run(c.tradeId());
                } catch (RuntimeException e) {
                    // the trade stays SETTLING; the saga's recovery resumes it
                    LOG.errorf(e, "settlement of trade %s (auction %s) did not finish", c.tradeId(), c.listingId());
                }
            }
        }
        return closed;
    }

    /**
     * Closes one auction if it is due: picks the winner (the best bid cleared by the pre-trade checks, each check in
     * a transaction of its own so a refusal cannot spoil the close), then in one transaction marks the bids,
     * releases the losers' holds and opens the winner's trade (or closes the listing without a sale). Empty when the
     * auction is not due, someone else closed it first, or a halt postpones it.
     */
    Optional<ClosedAuction> close(String listingId, Instant now) {
        Listing listing = listings.find(listingId).orElse(null);
        List<Bid> all = listing == null ? List.of() : bids.ofListing(listingId);
        if (listing == null || !isDue(listing, all, now)) {
            return Optional.empty();
        }
        List<Bid> candidates = candidates(listing, all);
        String winnerId = null;
        for (Bid candidate : candidates) {
            Optional<DcxException> refusal;
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> checks.requireBuyable(listing, candidate.bidderId(), candidate.amount(), now));
                refusal = Optional.empty();
            } catch (DcxException e) {
                refusal = Optional.of(e);
            }
            if (refusal.isEmpty()) {
                winnerId = candidate.id();
                break;
            }
            if (refusal.get().code() == ErrorCode.HALT) {
                LOG.infof("auction %s is due but halted; its close waits for the halt to end", listingId);
                return Optional.empty();
            }
            LOG.infof("auction %s: bid %s refused at the close (%s): %s", listingId, candidate.id(),
                    refusal.get().code(), refusal.get().detail());
        }
        String winner = winnerId;
        boolean resale = winner != null && !"ISSUE".equals(checks.chainAsset(listing.assetId()).acquiredBy());
        return QuarkusTransaction.requiringNew().call(() -> closeLocked(listingId, winner, resale, now));
    }

    private Optional<ClosedAuction> closeLocked(String listingId, String winnerId, boolean resale, Instant now) {
        Listing listing = listings.findForUpdate(listingId).orElseThrow();
        List<Bid> all = bids.ofListing(listingId);
        if (!isDue(listing, all, now)) {
            return Optional.empty();
        }
        AuctionClose close = listing.type() == ListingType.ENGLISH_AUCTION
                ? new EnglishAuction(listing, all).close(now, winnerId)
                : new SealedBidAuction(listing, all).close(now, winnerId);
        close.changed().forEach(bids::update);
        close.holdsToRelease().forEach(holds::release);
        String tradeId = null;
        Map<String, Object> after = new LinkedHashMap<>();
        if (close.winner() != null) {
            Bid won = close.winner();
            TradeOrigin origin = listing.type() == ListingType.ENGLISH_AUCTION ? TradeOrigin.ENGLISH_AUCTION
                    : TradeOrigin.SEALED_BID_AUCTION;
            tradeId = saga.open(new TradeTerms(listing.id(), listing.assetId(), listing.sellerId(), won.bidderId(),
                    won.amount(), origin, won.id()), resale);
            after.put("status", ListingStatus.RESERVED.name());
        } else {
            listings.update(listing.withStatus(ListingStatus.CLOSED, null, now));
            after.put("status", ListingStatus.CLOSED.name());
        }
        audit.record(new AuditLog.Event(now, Actor.SYSTEM, "AUCTION_CLOSED", "listing", listing.id(),
                AuditJson.of("status", listing.status(), "endsAt", listing.endsAt().toString()),
                AuditJson.of("status", after.get("status"), "winningBidId",
                        close.winner() == null ? null : close.winner().id(), "priceFen",
                        close.winner() == null ? null : close.winner().amountFen(), "tradeId", tradeId, "noSale",
                        close.noSale()),
                null));
        return Optional.of(new ClosedAuction(listing.id(), close.winner() == null ? null : close.winner().id(),
                tradeId, close.noSale()));
    }

    /**
     * Ends the bids of an auction listing that is cancelled: every hold is released, bids holding money are LOST and
     * unrevealed commitments LAPSED. For the listing's owner or operators' cancel, in its transaction (which holds
     * the listing lock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseBids(String listingId, Instant now) {
        for (Bid bid : bids.ofListing(listingId)) {
            if (bid.status().holdsMoney()) {
                bids.update(bid.ended(BidStatus.LOST, now));
                holds.release(bid.id());
            } else if (bid.status() == BidStatus.COMMITTED) {
                bids.update(bid.ended(BidStatus.LAPSED, now));
            }
        }
    }

    /** No bid above the board's largest price, which no trade could settle at (non-positive ones are the rules'). */
    private long requirePriceable(long amountFen) {
        if (amountFen > config.maxPriceFen()) {
            throw new DcxException(ErrorCode.INVALID_PRICE, "a bid is at most " + config.maxPriceFen() + " fen",
                    Map.of("maximumFen", config.maxPriceFen()));
        }
        return amountFen;
    }

    private Listing lockAuction(String listingId) {
        Listing listing = listings.findForUpdate(listingId)
                .orElseThrow(() -> new DcxException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId));
        if (!listing.type().isAuction()) {
            throw new DcxException(ErrorCode.AUCTION_NOT_OPEN,
                    "listing " + listingId + " is a " + listing.type() + " listing, not an auction");
        }
        return listing;
    }

    private static boolean isDue(Listing listing, List<Bid> all, Instant now) {
        return switch (listing.type()) {
            case ENGLISH_AUCTION -> new EnglishAuction(listing, all).isDue(now);
            case SEALED_BID_AUCTION -> new SealedBidAuction(listing, all).isDue(now);
            default -> false;
        };
    }

    private static List<Bid> candidates(Listing listing, List<Bid> all) {
        return listing.type() == ListingType.ENGLISH_AUCTION ? new EnglishAuction(listing, all).candidates()
                : new SealedBidAuction(listing, all).candidates();
    }
}
