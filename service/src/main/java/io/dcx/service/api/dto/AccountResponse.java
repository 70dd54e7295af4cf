package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The caller's account: pseudonymous {@code accountId} (the one used on chain), {@code type} once known,
 * {@code kycStatus}, {@code tier} and its {@code dailyBuyLimitFen} once approved, and {@code balances}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountResponse(String accountId, String type, String kycStatus, String tier, Long dailyBuyLimitFen,
        BalancesResponse balances) {
}
