package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A bid: on an English auction {@code {"amountFen": n}} (a positive JSON integer of fen), on a sealed-bid auction
 * {@code {"commitment": "<64 lowercase hex>"}}, the SHA-256 of {@code amountFen:salt:bidderAccountId}.
 */
public record BidRequest(JsonNode amountFen, String commitment) {
}
