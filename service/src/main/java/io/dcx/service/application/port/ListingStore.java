package io.dcx.service.application.port;

import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The board's listings. At most one OPEN or RESERVED listing per asset (the database enforces it). */
public interface ListingStore {
    /** Inserts a new listing; false when the asset already has a live one. */
    boolean insert(Listing listing);

    Optional<Listing> find(String id);

    /** The listing under a row lock, for the rest of the transaction: this is what serialises racing buyers. */
    Optional<Listing> findForUpdate(String id);

    void update(Listing listing);

    /** Listings by filter, newest first; null filters match anything. */
    List<Listing> search(ListingStatus status, ListingType type, String workId, String sellerId, int offset,
            int limit);

    /** OPEN auctions whose bidding (English) or reveal (sealed) phase has ended by {@code now}, oldest first. */
    List<Listing> dueAuctions(Instant now, int limit);
}
