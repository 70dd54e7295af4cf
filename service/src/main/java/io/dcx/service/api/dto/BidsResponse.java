package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An auction's bids as the caller may see them, in the order they were placed: every bid of an English auction;
 * of a sealed-bid auction the caller's own, and once the reveal phase is over every revealed bid. {@code highestFen}
 * and {@code minimumBidFen} (the least the next bid may be) are given for an open English auction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidsResponse(String listingId, String type, String status, Instant endsAt, Instant revealEndsAt,
        Long highestFen, Long minimumBidFen, List<BidResponse> bids) {
}
