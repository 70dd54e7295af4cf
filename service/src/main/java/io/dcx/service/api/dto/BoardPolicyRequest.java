package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * A whole new board policy (every field required), as {@link BoardPolicyResponse} shows it. Numbers are JSON
 * integers only ({@link StrictNumbers}): {@code "100"} or {@code 1.5} basis points are refused, not coerced.
 */
public record BoardPolicyRequest(Map<String, List<String>> listingTypes,
        @JsonDeserialize(using = StrictNumbers.Int.class) Integer feeBps,
        @JsonDeserialize(using = StrictNumbers.Int.class) Integer royaltyBps,
        @JsonDeserialize(using = StrictNumbers.Int.class) Integer priceBandBps,
        @JsonDeserialize(using = StrictNumbers.Long.class) Long holdingPeriodSeconds,
        @JsonDeserialize(using = StrictNumbers.Int.class) Integer dailyTransferCapPerAsset,
        @JsonDeserialize(using = StrictNumbers.Int.class) Integer dailyTransferCapPerAccount) {
}
