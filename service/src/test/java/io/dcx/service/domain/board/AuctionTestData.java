package io.dcx.service.domain.board;

import io.dcx.service.domain.asset.Asset.AssetKind;
import java.time.Instant;

/** Auction listings for the domain tests. */
final class AuctionTestData {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String SELLER = "acc_seller";

    private AuctionTestData() {
    }

    static Listing english(Long openingFen, Long reserveFen, Long incrementFen, Instant endsAt, Integer extension) {
        return new Listing("lst_e", "ast_1", "wk_1", AssetKind.COPYRIGHT, SELLER, ListingType.ENGLISH_AUCTION,
                openingFen, reserveFen, incrementFen, endsAt, null, extension, "disclosure", "terms",
                ListingStatus.OPEN, null, T0, T0);
    }

    static Listing sealed(Long reserveFen, Instant endsAt, Instant revealEndsAt) {
        return new Listing("lst_s", "ast_2", "wk_2", AssetKind.COPYRIGHT, SELLER, ListingType.SEALED_BID_AUCTION,
                null, reserveFen, null, endsAt, revealEndsAt, null, "disclosure", "terms", ListingStatus.OPEN, null,
                T0, T0);
    }
}
