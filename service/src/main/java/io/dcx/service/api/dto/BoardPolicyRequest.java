package io.dcx.service.api.dto;

import java.util.List;
import java.util.Map;

/** A whole new board policy (every field required), as {@link BoardPolicyResponse} shows it. */
public record BoardPolicyRequest(Map<String, List<String>> listingTypes, Integer feeBps, Integer royaltyBps,
        Integer priceBandBps, Long holdingPeriodSeconds, Integer dailyTransferCapPerAsset,
        Integer dailyTransferCapPerAccount) {
}
