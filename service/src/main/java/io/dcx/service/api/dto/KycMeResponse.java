package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The caller's KYC: the account's {@code status} (NONE, SUBMITTED, IN_REVIEW, APPROVED, REJECTED, SUSPENDED), the
 * operator's {@code reason} for it, the {@code tier}, and the latest {@code submission} unmasked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KycMeResponse(String accountId, String status, String reason, String tier, KycResponse submission) {
}
