package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A withdrawal: {@code amountFen} (a positive JSON integer of fen) and optionally the {@code rail} to pay out on
 * ({@code internal} or {@code ecny}; default dcx.money.rail).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WithdrawalRequest(JsonNode amountFen, String rail) {
}
