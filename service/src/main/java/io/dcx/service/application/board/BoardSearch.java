package io.dcx.service.application.board;

import io.dcx.service.application.port.BoardSearchIndex;
import io.dcx.service.application.port.BoardSearchIndex.Entry;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Browsing the board: listings filtered by status, type, asset kind, price range and a text (a work's title, or a
 * work, asset or listing id), each with its work's title and kind and the edition it sells.
 */
@ApplicationScoped
public class BoardSearch {
    static final int MAX_TEXT = 200;

    private final BoardSearchIndex index;

    public BoardSearch(BoardSearchIndex index) {
        this.index = index;
    }

    /** The filters people browse by; null matches anything. */
    public record Filter(ListingStatus status, ListingType type, AssetKind assetKind, String text, Long minPriceFen,
            Long maxPriceFen, String workId, String sellerId) {
    }

    @Transactional
    public List<Entry> search(Filter f, int offset, int limit) {
        String text = f.text() == null || f.text().isBlank() ? null : f.text().strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "q is at most " + MAX_TEXT + " characters");
        }
        requireNotNegative("minPriceFen", f.minPriceFen());
        requireNotNegative("maxPriceFen", f.maxPriceFen());
        return index.search(new BoardSearchIndex.Query(f.status(), f.type(), f.assetKind(), text, f.minPriceFen(),
                f.maxPriceFen(), f.workId(), f.sellerId(), Math.max(0, offset), Math.max(1, Math.min(limit, 200))));
    }

    @Transactional
    public Entry get(String listingId) {
        if (listingId == null || !Listings.LISTING_ID.matcher(listingId).matches()) {
            throw Listings.notFound(listingId);
        }
        return index.find(listingId).orElseThrow(() -> Listings.notFound(listingId));
    }

    private static void requireNotNegative(String name, Long fen) {
        if (fen != null && fen < 0) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, name + " is a whole number of fen, 0 or more");
        }
    }
}
