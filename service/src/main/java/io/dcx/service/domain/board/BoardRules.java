package io.dcx.service.domain.board;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset.AssetKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The service's half of board policy (the chain keeps the other half: holding period and transfer caps): which
 * listing types each asset kind may use, the exchange's fee and the resale royalty (basis points of the price), and
 * the price band. The default follows the 2022 industry rules for digital collectibles: editions trade only at a
 * fixed price or by named offers; copyrights (business to business) may also be auctioned.
 */
public record BoardRules(Map<AssetKind, Set<ListingType>> listingTypes, int feeBps, int royaltyBps, int priceBandBps) {

    public BoardRules {
        EnumMap<AssetKind, Set<ListingType>> copy = new EnumMap<>(AssetKind.class);
        for (AssetKind kind : AssetKind.values()) {
            Set<ListingType> types = listingTypes == null ? null : listingTypes.get(kind);
            copy.put(kind, types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types)));
        }
        listingTypes = Map.copyOf(copy);
        if (feeBps < 0 || royaltyBps < 0 || feeBps + royaltyBps > 5_000) {
            throw new DcxException(ErrorCode.INVALID_POLICY,
                    "fee and royalty are 0 or more basis points and together at most 5000 (50%)");
        }
        if (priceBandBps < 0 || priceBandBps > 100_000) {
            throw new DcxException(ErrorCode.INVALID_POLICY, "the price band is 0 to 100000 basis points");
        }
        new PriceBand(priceBandBps);
    }

    public static BoardRules defaults(int feeBps, int royaltyBps, int priceBandBps) {
        return new BoardRules(Map.of(
                AssetKind.EDITION, EnumSet.of(ListingType.FIXED_PRICE, ListingType.OFFERS_ONLY),
                AssetKind.COPYRIGHT, EnumSet.allOf(ListingType.class)), feeBps, royaltyBps, priceBandBps);
    }

    public void requireAllowed(AssetKind kind, ListingType type) {
        if (!listingTypes.get(kind).contains(type)) {
            throw new DcxException(ErrorCode.LISTING_TYPE_NOT_ALLOWED, "board policy does not allow " + type
                    + " listings of " + kind + " assets (allowed: " + listingTypes.get(kind) + ")",
                    Map.of("allowed", listingTypes.get(kind).stream().map(Enum::name).sorted().toList()));
        }
    }

    public PriceBand priceBand() {
        return new PriceBand(priceBandBps);
    }
}
