package io.dcx.service.application.kyc;

import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.KycStatus;
import java.time.Instant;

/**
 * A customer account. {@code type} is known from the first KYC submission; {@code tier} from approval;
 * {@code statusReason} is the operator's reason for the current state (a rejection or a suspension).
 */
public record Account(String id, AccountType type, KycStatus kycStatus, String tier, String statusReason,
        Instant createdAt, Instant updatedAt) {

    public Account with(KycStatus status, String reason, Instant now) {
        return new Account(id, type, status, tier, reason, createdAt, now);
    }

    public Account withType(AccountType newType) {
        return new Account(id, newType, kycStatus, tier, statusReason, createdAt, updatedAt);
    }

    public Account withTier(String newTier) {
        return new Account(id, type, kycStatus, newTier, statusReason, createdAt, updatedAt);
    }
}
