package io.dcx.service.api.dto;

import io.dcx.service.application.board.BoardPolicies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Board policy, both halves: {@code listingTypes} per asset kind, {@code feeBps}, {@code royaltyBps} and
 * {@code priceBandBps} (the service's), {@code holdingPeriodSeconds} and the daily transfer caps (the chain's, with
 * the chain transaction that last set them).
 */
public record BoardPolicyResponse(Map<String, List<String>> listingTypes, int feeBps, int royaltyBps,
        int priceBandBps, long holdingPeriodSeconds, int dailyTransferCapPerAsset, int dailyTransferCapPerAccount,
        Instant chainUpdatedAt, String chainTxId) {

    public static BoardPolicyResponse of(BoardPolicies.Policy p) {
        Map<String, List<String>> types = new TreeMap<>();
        p.rules().listingTypes().forEach((kind, set) -> types.put(kind.name(),
                set.stream().map(Enum::name).sorted().toList()));
        return new BoardPolicyResponse(types, p.rules().feeBps(), p.rules().royaltyBps(), p.rules().priceBandBps(),
                p.chain().holdingPeriodSeconds(), p.chain().dailyTransferCapPerAsset(),
                p.chain().dailyTransferCapPerAccount(), p.chain().updatedAt(), p.chain().txId());
    }
}
