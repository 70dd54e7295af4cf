package io.dcx.service.domain.board;

import io.dcx.service.domain.money.Money;
import java.time.Instant;

/**
 * A bid in an auction. English bids carry their amount from the start; sealed bids carry a {@code commitment} (see
 * {@link SealedBidAuction#commitmentOf}) and learn their amount and {@code salt} at the reveal, so after the close
 * anyone may recompute the hash. {@code placedAt} is when the bid (or the commitment) was made; the bid's id is also
 * the reference of the hold on the bidder's money, and of the trade's hold if it wins.
 */
public record Bid(
        String id,
        String listingId,
        String bidderId,
        Long amountFen,
        String commitment,
        String salt,
        BidStatus status,
        String invalidReason,
        Instant placedAt,
        Instant revealedAt,
        Instant closedAt) {

    public static Bid english(String id, String listingId, String bidderId, Money amount, Instant at) {
        return new Bid(id, listingId, bidderId, amount.fen(), null, null, BidStatus.ACTIVE, null, at, null, null);
    }

    public static Bid sealed(String id, String listingId, String bidderId, String commitment, Instant at) {
        return new Bid(id, listingId, bidderId, null, commitment, null, BidStatus.COMMITTED, null, at, null, null);
    }

    public boolean isSealed() {
        return commitment != null;
    }

    public Money amount() {
        return amountFen == null ? null : Money.fen(amountFen);
    }

    /** The bid after a status change that ends it (outbid, replaced, won, lost, lapsed). */
    public Bid ended(BidStatus newStatus, Instant at) {
        return new Bid(id, listingId, bidderId, amountFen, commitment, salt, newStatus, invalidReason, placedAt,
                revealedAt, at);
    }

    /** The sealed bid revealed: valid ({@code REVEALED}) or {@code INVALID} for {@code reason}. */
    public Bid revealed(long amount, String revealedSalt, String reason, Instant at) {
        return new Bid(id, listingId, bidderId, amount, commitment, revealedSalt,
                reason == null ? BidStatus.REVEALED : BidStatus.INVALID, reason, placedAt, at, null);
    }

    /** A revealed bid found invalid after all (the bidder's money does not cover it). */
    public Bid invalid(String reason) {
        return new Bid(id, listingId, bidderId, amountFen, commitment, salt, BidStatus.INVALID, reason, placedAt,
                revealedAt, closedAt);
    }
}
