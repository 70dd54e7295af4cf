package io.dcx.service.domain.board;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a sealed-bid (first-price) auction over one listing and its bids, in the order they were placed.
 *
 * <p><b>Commitment.</b> A bidder commits to an amount without showing it: the commitment is the lowercase hex SHA-256
 * of the UTF-8 string {@code amountFen + ":" + salt + ":" + bidderAccountId}, where {@code amountFen} is the amount in
 * fen as a decimal integer without sign or leading zeros, {@code salt} 16 to 128 printable ASCII characters without
 * spaces, chosen at random by the bidder and kept secret until the reveal (without it, small amounts could be found by
 * trying them all), and {@code bidderAccountId} the bidder's pseudonymous account id (so nobody can copy another's
 * commitment). Example: amount 150000, salt {@code 7f3a9c2e5b1d4f60}, account {@code acc_x} commit to
 * {@code 71f069b90eb5fbfec0bec7552b6c17d341aaf1c63cd14c9dc885a25357f28184}.
 *
 * <ul>
 * <li>Commitments are taken while the listing is OPEN and strictly before {@code endsAt}; one per bidder: a new one
 * replaces the bidder's earlier one ({@code REPLACED}). The seller may not bid (SELF_TRADE).</li>
 * <li>Reveals are taken from {@code endsAt} (inclusive) to {@code revealEndsAt} (exclusive); else AUCTION_NOT_OPEN.
 * Only the bidder can reveal their bid (others' bids are BID_NOT_FOUND); a replaced commitment cannot be revealed, and
 * a reveal that does not hash to the commitment is INVALID_BID and changes nothing (the bidder may try again).</li>
 * <li>A revealed bid is valid if it is at least the reserve ({@code reserveFen}, 1 fen when unset); a lower one is
 * recorded {@code INVALID} (reason BID_TOO_LOW). The application also invalidates a reveal the bidder's money does
 * not cover (INSUFFICIENT_FUNDS).</li>
 * <li>From {@code revealEndsAt} the auction closes: the highest valid bid wins at its own price, ties going to the
 * earlier commitment; a winner refused by the pre-trade checks at the close loses and the next bid is taken.
 * Commitments never revealed lapse.</li>
 * </ul>
 */
public final class SealedBidAuction {
    private static final Pattern COMMITMENT = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SALT = Pattern.compile("[\\x21-\\x7E]{16,128}");

    private final Listing listing;
    private final List<Bid> bids;

    public SealedBidAuction(Listing listing, List<Bid> bidsInPlacementOrder) {
        if (listing.type() != ListingType.SEALED_BID_AUCTION) {
            throw new IllegalArgumentException("listing " + listing.id() + " is not a sealed-bid auction");
        }
        if (listing.endsAt() == null || listing.revealEndsAt() == null) {
            throw new IllegalArgumentException("a sealed-bid auction has a bidding end and a reveal end");
        }
        this.listing = listing;
        this.bids = List.copyOf(bidsInPlacementOrder);
    }

    /** A commitment taken, and the bidder's earlier one it replaced. */
    public record Commitment(Bid bid, Optional<Bid> replaced) {
    }

    /** A reveal: the bid as revealed, and whether this call revealed it (false: it had been revealed before). */
    public record Reveal(Bid bid, boolean fresh) {
    }

    /** The commitment to {@code amountFen} with {@code salt} by {@code bidderAccountId} (see the class comment). */
    public static String commitmentOf(long amountFen, String salt, String bidderAccountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((amountFen + ":" + salt + ":" + bidderAccountId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String validCommitment(String commitment) {
        if (commitment == null || !COMMITMENT.matcher(commitment).matches()) {
            throw new DcxException(ErrorCode.INVALID_BID,
                    "commitment: 64 lowercase hex characters, the SHA-256 of amountFen:salt:bidderAccountId");
        }
        return commitment;
    }

    public static String validSalt(String salt) {
        if (salt == null || !SALT.matcher(salt).matches()) {
            throw new DcxException(ErrorCode.INVALID_BID, "salt: 16 to 128 printable ASCII characters, no spaces");
        }
        return salt;
    }

    public Listing listing() {
        return listing;
    }

    public List<Bid> bids() {
        return bids;
    }

    public Money reserve() {
        return Money.fen(listing.reserveFen() == null ? 1 : listing.reserveFen());
    }

    public Commitment commit(String bidId, String bidderId, String commitment, Instant now) {
        validCommitment(commitment);
        requireOpen();
        if (!now.isBefore(listing.endsAt())) {
            throw new DcxException(ErrorCode.AUCTION_NOT_OPEN, "the bidding ended at " + listing.endsAt(),
                    Map.of("endsAt", listing.endsAt().toString()));
        }
        if (bidderId.equals(listing.sellerId())) {
            throw new DcxException(ErrorCode.SELF_TRADE, "the seller may not bid on their own listing");
        }
        Optional<Bid> replaced = bids.stream()
                .filter(b -> b.bidderId().equals(bidderId) && b.status() == BidStatus.COMMITTED)
                .findFirst()
                .map(b -> b.ended(BidStatus.REPLACED, now));
        return new Commitment(Bid.sealed(bidId, listing.id(), bidderId, commitment, now), replaced);
    }

    public Reveal reveal(String bidId, String callerId, long amountFen, String salt, Instant now) {
        Bid bid = bids.stream().filter(b -> b.id().equals(bidId) && b.bidderId().equals(callerId)).findFirst()
                .orElseThrow(() -> new DcxException(ErrorCode.BID_NOT_FOUND, "no bid " + bidId + " of yours here"));
        if (amountFen <= 0) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, "amountFen: a positive whole number of fen");
        }
        validSalt(salt);
        boolean matches = commitmentOf(amountFen, salt, callerId).equals(bid.commitment());
        if (bid.status() == BidStatus.REPLACED) {
            throw new DcxException(ErrorCode.INVALID_BID,
                    "bid " + bidId + " was replaced by a newer commitment; reveal that one");
        }
        if (bid.status() != BidStatus.COMMITTED) {
            if (bid.amountFen() != null && matches) {
                return new Reveal(bid, false);
            }
            if (bid.status() == BidStatus.LAPSED) {
                throw new DcxException(ErrorCode.AUCTION_NOT_OPEN, "bid " + bidId + " lapsed unrevealed");
            }
            throw new DcxException(ErrorCode.INVALID_BID, "the amount and salt do not match the commitment");
        }
        requireOpen();
        if (now.isBefore(listing.endsAt()) || !now.isBefore(listing.revealEndsAt())) {
            throw new DcxException(ErrorCode.AUCTION_NOT_OPEN, "reveals are taken from " + listing.endsAt()
                    + " until " + listing.revealEndsAt(),
                    Map.of("endsAt", listing.endsAt().toString(), "revealEndsAt", listing.revealEndsAt().toString()));
        }
        if (!matches) {
            throw new DcxException(ErrorCode.INVALID_BID, "the amount and salt do not match the commitment");
        }
        String reason = amountFen < reserve().fen() ? ErrorCode.BID_TOO_LOW.name() : null;
        return new Reveal(bid.revealed(amountFen, salt, reason, now), true);
    }

    private void requireOpen() {
        if (listing.status() != ListingStatus.OPEN) {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listing.id() + " is " + listing.status());
        }
    }

    /** Whether the listing is OPEN and its reveal phase has ended, so it must be closed. */
    public boolean isDue(Instant now) {
        return listing.status() == ListingStatus.OPEN && !now.isBefore(listing.revealEndsAt());
    }

    /** Whether the bids are public: the reveal phase is over or the listing no longer open. */
    public boolean isClosed(Instant now) {
        return listing.status() != ListingStatus.OPEN || !now.isBefore(listing.revealEndsAt());
    }

    /** The valid revealed bids, best first: highest amount, ties to the earlier commitment. */
    public List<Bid> candidates() {
        List<Bid> valid = new ArrayList<>();
        for (Bid bid : bids) {
            if (bid.status() == BidStatus.REVEALED) {
                valid.add(bid);
            }
        }
        // a stable sort keeps placement order among equal amounts
        valid.sort(Comparator.comparingLong(Bid::amountFen).reversed());
        return valid;
    }

    /**
     * Closes the auction with {@code winnerBidId} (one of {@link #candidates()}, the first cleared by the pre-trade
     * checks) or, when null, without a sale.
     */
    public AuctionClose close(Instant now, String winnerBidId) {
        if (!isDue(now)) {
            throw new DcxException(ErrorCode.AUCTION_NOT_OPEN, "listing " + listing.id() + " is " + listing.status()
                    + " and its reveals end at " + listing.revealEndsAt());
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
            } else if (bid.status() == BidStatus.COMMITTED) {
                changed.add(bid.ended(BidStatus.LAPSED, now));
            }
        }
        AuctionClose.NoSale noSale = null;
        if (winner == null) {
            noSale = candidates.isEmpty() ? AuctionClose.NoSale.NO_BIDS : AuctionClose.NoSale.PRE_TRADE_REFUSED;
        }
        return new AuctionClose(winner, noSale, changed, release);
    }

    /**
     * The bids {@code viewerId} may see at {@code now}: before the close only their own (others' commitments say
     * nothing useful and the count of rivals is itself a hint); after it also every revealed bid of others.
     */
    public List<Bid> visibleTo(String viewerId, Instant now) {
        boolean closed = isClosed(now);
        return bids.stream()
                .filter(b -> b.bidderId().equals(viewerId) || closed && b.amountFen() != null)
                .toList();
    }
}
