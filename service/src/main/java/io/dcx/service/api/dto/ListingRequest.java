package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new listing. {@code type}: FIXED_PRICE ({@code priceFen}), OFFERS_ONLY (no price), ENGLISH_AUCTION
 * ({@code priceFen} opening bid, {@code minIncrementFen}, {@code endsAt}, optional {@code reserveFen} and
 * {@code extensionSeconds}, default 300), SEALED_BID_AUCTION ({@code reserveFen}, {@code endsAt},
 * {@code revealEndsAt}). Amounts are JSON integers of fen, times ISO-8601 instants. {@code disclosure} is required;
 * {@code licenceTerms} defaults to the rights that come with the asset's kind.
 */
public record ListingRequest(String assetId, String type, JsonNode priceFen, JsonNode reserveFen,
        JsonNode minIncrementFen, String endsAt, String revealEndsAt, JsonNode extensionSeconds, String disclosure,
        String licenceTerms) {
}
