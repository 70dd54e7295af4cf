package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.application.kyc.Account;

/** An account's KYC state as operators see it after changing it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountStatusResponse(String accountId, String kycStatus, String reason, String tier) {
    public static AccountStatusResponse of(Account a) {
        return new AccountStatusResponse(a.id(), a.kycStatus().name(), a.statusReason(), a.tier());
    }
}
