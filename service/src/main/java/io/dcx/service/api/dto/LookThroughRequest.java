package io.dcx.service.api.dto;

/** A regulator's look-through: the pseudonymous {@code accountId} and the required {@code reason}. */
public record LookThroughRequest(String accountId, String reason) {
}
