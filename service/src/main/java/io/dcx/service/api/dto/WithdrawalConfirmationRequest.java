package io.dcx.service.api.dto;

/** An operator's answer to a withdrawal above the threshold: {@code approve}, and a {@code reason} to refuse. */
public record WithdrawalConfirmationRequest(Boolean approve, String reason) {
}
