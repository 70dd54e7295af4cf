package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/** The reveal of a sealed bid: the amount in fen and the salt the commitment was made with. */
public record BidRevealRequest(JsonNode amountFen, String salt) {
}
