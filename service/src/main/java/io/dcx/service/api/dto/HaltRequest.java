package io.dcx.service.api.dto;

/** A halt: {@code scope} BOARD (no targetId), ASSET or LISTING; {@code until} an optional ISO-8601 instant. */
public record HaltRequest(String scope, String targetId, String reason, String until) {
}
