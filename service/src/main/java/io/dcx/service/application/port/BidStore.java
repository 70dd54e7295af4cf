package io.dcx.service.application.port;

import io.dcx.service.domain.board.Bid;
import java.util.List;
import java.util.Optional;

/**
 * Auction bids. Callers hold the listing's row lock ({@link ListingStore#findForUpdate}) while they change a
 * listing's bids, which serialises bidding, reveals and the close of one auction.
 */
public interface BidStore {
    void insert(Bid bid);

    /** Writes the bid's status, amount, salt, reason and times (its id, listing, bidder and commitment never change). */
    void update(Bid bid);

    Optional<Bid> find(String id);

    /** The listing's bids in the order they were placed. */
    List<Bid> ofListing(String listingId);

    /** Cancelled listings that still have live bids (holding money, or commitments not yet ended). */
    List<String> cancelledWithLiveBids(int limit);
}
