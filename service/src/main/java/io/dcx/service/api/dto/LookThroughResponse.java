package io.dcx.service.api.dto;

import io.dcx.service.application.kyc.LookThrough;
import java.time.Instant;

/** The verified party behind an account, unmasked, and the id of the audit event that records the look-up. */
public record LookThroughResponse(String accountId, String kycStatus, String tier, Instant resolvedAt,
        long auditEventId, KycResponse kyc) {

    public static LookThroughResponse of(LookThrough.Resolution r) {
        return new LookThroughResponse(r.accountId(), r.kycStatus().name(), r.tier(), r.resolvedAt(),
                r.auditEventId(), KycResponse.of(r.kyc()));
    }
}
