package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An amount of money: {@code amountFen}, a positive JSON integer of fen (CNY). Kept as a JSON node so anything that
 * is not an integer (10.5, 1e3, "100") is refused instead of coerced.
 */
public record AmountRequest(JsonNode amountFen) {
}
