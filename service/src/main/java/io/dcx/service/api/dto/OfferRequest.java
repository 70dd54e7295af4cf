package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/** An offer or a counter: {@code amountFen} a JSON integer of fen; {@code message} optional (offers only). */
public record OfferRequest(JsonNode amountFen, String message) {
}
