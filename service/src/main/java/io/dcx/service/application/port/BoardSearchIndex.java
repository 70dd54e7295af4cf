package io.dcx.service.application.port;

import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import java.util.List;
import java.util.Optional;

/** The board as people browse it: listings with their work's title and kind and the edition they sell. */
public interface BoardSearchIndex {

    /**
     * What to look for; null filters match anything. {@code text} matches a work title (case-insensitive, anywhere
     * in it) or exactly a work, asset or listing id. The price filters compare the listing's price (asking price or
     * opening bid), else its reserve; listings without either (OFFERS_ONLY) never match a price filter.
     */
    record Query(ListingStatus status, ListingType type, AssetKind assetKind, String text, Long minPriceFen,
            Long maxPriceFen, String workId, String sellerId, int offset, int limit) {
    }

    /** A listing and what the board shows with it; the work fields are null until the work is in the read model. */
    record Entry(Listing listing, String workTitle, String workKind, Integer edition, Integer editionCount) {
    }

    /** Matching listings, newest first. */
    List<Entry> search(Query query);

    Optional<Entry> find(String listingId);
}
