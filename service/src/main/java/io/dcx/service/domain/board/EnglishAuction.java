package io.dcx.service.domain.board;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of an English (open ascending) auction over one listing and its bids, in the order they were placed.
 *
 * <ul>
 * <li>The first bid is at least the opening price ({@code listing.priceFen}, 1 fen when unset); each later bid at
 * least the highest bid plus the minimum increment ({@code minIncrementFen}, 1 fen when unset), also when the
 * highest bidder raises their own bid. Too low: BID_TOO_LOW, with the minimum in {@code minimumFen}.</li>
 * <li>Bids are taken while the listing is OPEN and strictly before {@code endsAt}; at or after it, AUCTION_NOT_OPEN.
 * A bid within the last {@code extensionSeconds} moves {@code endsAt} to the bid's time plus
 * {@code extensionSeconds} (anti-sniping), so the auction can run on while late bids keep coming.</li>
 * <li>The seller may not bid (SELF_TRADE).</li>
 * <li>Only the highest bid holds the bidder's money; a bid that is beaten is {@code OUTBID} and its hold released.</li>
 * <li>At the close, the highest bid wins at its own price if it is at least the reserve ({@code reserveFen}; none
 * when unset); otherwise nothing sells. A highest bidder refused by the pre-trade checks at the close loses, and the
 * auction ends without a sale: the bids below were released when they were beaten, so binding one of those bidders
 * again after the fact would surprise them (a sealed-bid auction, which holds every valid bid to the end, does fall
 * back to the next bid).</li>
 * </ul>
 */
public final class EnglishAuction {
    private final Listing listing;
    private final List<Bid> bids;

    public EnglishAuction(Listing listing, List<Bid> bidsInPlacementOrder) {
        if (listing.type() != ListingType.ENGLISH_AUCTION) {
            throw new IllegalArgumentException("listing " + listing.id() + " is not an English auction");
        }
        this.listing = listing;
        this.bids = List.copyOf(bidsInPlacementOrder);
    }

    /** A bid taken: the new bid, the one it beat (now OUTBID, its hold to release), the listing (maybe extended). */
    public record Placement(Bid bid, Optional<Bid> outbid, Listing listing) {
        public boolean extended(Listing before) {
            return !listing.endsAt().equals(before.endsAt());
        }
    }

    public Listing listing() {
        return listing;
    }

    public List<Bid> bids() {
        return bids;
    }

    /** The bid currently winning (ACTIVE), or the one that won. */
    public Optional<Bid> highest() {
        return bids.stream().filter(b -> b.status() == BidStatus.ACTIVE || b.status() == BidStatus.WON).findFirst();
    }

    public Money openingPrice() {
        return Money.fen(listing.priceFen() == null ? 1 : listing.priceFen());
    }

    public Money minimumIncrement() {
        return Money.fen(listing.minIncrementFen() == null ? 1 : listing.minIncrementFen());
    }

    /** The lowest amount the next bid may have. */
    public Money minimumBid() {
        return highest().map(h -> h.amount().plus(minimumIncrement())).orElse(openingPrice());
    }

    public Placement place(String bidId, String bidderId, Money amount, Instant now) {
        if (listing.status() != ListingStatus.OPEN) {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listing.id() + " is " + listing.status());
        }
        if (!now.isBefore(listing.endsAt())) {
            throw new DcxException(ErrorCode.AUCTION_NOT_OPEN, "the bidding ended at " + listing.endsAt(),
                    Map.of("endsAt", listing.endsAt().toString()));
        }
        if (bidderId.equals(listing.sellerId())) {
            throw new DcxException(ErrorCode.SELF_TRADE, "the seller may not bid on their own listing");
        }
        if (!amount.isPositive()) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, "a bid is a positive amount of fen");
        }
        Money minimum = minimumBid();
        if (amount.compareTo(minimum) < 0) {
            throw new DcxException(ErrorCode.BID_TOO_LOW,
                    "a bid here must be at least " + minimum.fen() + " fen, not " + amount.fen(),
                    Map.of("minimumFen", minimum.fen()));
        }
        Optional<Bid> outbid = highest().map(h -> h.ended(BidStatus.OUTBID, now));
        Listing after = listing;
        if (listing.extensionSeconds() != null && listing.extensionSeconds() > 0) {
            Instant extendedTo = now.plusSeconds(listing.extensionSeconds());
            if (extendedTo.isAfter(listing.endsAt())) {
                after = listing.withEndsAt(extendedTo, now);
            }
        }
        return new Placement(Bid.english(bidId, listing.id(), bidderId, amount, now), outbid, after);
    }

    /** Whether the listing is OPEN and its bidding has ended, so it must be closed. */
    public boolean isDue(Instant now) {
        return listing.status() == ListingStatus.OPEN && !now.isBefore(listing.endsAt());
    }

    /** The bids that may win, best first: the highest bid if it meets the reserve, else none. */
    public List<Bid> candidates() {
        return highest().filter(h -> h.status() == BidStatus.ACTIVE && meetsReserve(h)).map(List::of)
                .orElse(List.of());
    }

    private boolean meetsReserve(Bid bid) {
        return listing.reserveFen() == null || bid.amountFen() >= listing.reserveFen();
    }

    /**
     * Closes the auction with {@code winnerBidId} (one of {@link #candidates()}, already cleared by the pre-trade
     * checks) or, when null, without a sale.
     */
    public AuctionClose close(Instant now, String winnerBidId) {
        if (!isDue(now)) {
            throw new DcxException(ErrorCode.AUCTION_NOT_OPEN,
                    "listing " + listing.id() + " is " + listing.status() + " and its bidding ends at "
                            + listing.endsAt());
        }
        List<Bid> candidates = candidates();
        if (winnerBidId != null && candidates.stream().noneMatch(b -> b.id().equals(winnerBidId))) {
            throw new IllegalArgumentException("bid " + winnerBidId + " cannot win listing " + listing.id());
        }
        List<Bid> changed = new ArrayList<>();
        List<String> release = new ArrayList<>();
        Bid winner = null;
        for (Bid bid : bids) {
            if (bid.id().equals(winnerBidId)) {
                winner = bid.ended(BidStatus.WON, now);
                changed.add(winner);
            } else if (bid.status().holdsMoney()) {
                changed.add(bid.ended(BidStatus.LOST, now));
                release.add(bid.id());
            }
        }
        AuctionClose.NoSale noSale = null;
        if (winner == null) {
            noSale = highest().isEmpty() ? AuctionClose.NoSale.NO_BIDS
                    : candidates.isEmpty() ? AuctionClose.NoSale.RESERVE_NOT_MET
                    : AuctionClose.NoSale.PRE_TRADE_REFUSED;
        }
        return new AuctionClose(winner, noSale, changed, release);
    }
}
