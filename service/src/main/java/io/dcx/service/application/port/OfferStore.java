package io.dcx.service.application.port;

import io.dcx.service.domain.board.Offer;
import java.util.List;
import java.util.Optional;

/** Named offers on listings. */
public interface OfferStore {
    void insert(Offer offer);

    Optional<Offer> find(String id);

    Optional<Offer> findForUpdate(String id);

    void update(Offer offer);

    /** The listing's offers, oldest first; {@code openOnly} limits to PENDING and COUNTERED. */
    List<Offer> byListing(String listingId, boolean openOnly);

    /** Offers the account made or received, newest first. */
    List<Offer> byParty(String accountId, int limit);
}
