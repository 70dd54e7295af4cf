package io.dcx.service.api.dto;

import io.dcx.service.domain.certificate.CertificateVerification;
import io.dcx.service.domain.certificate.RegisteredFacts;
import java.time.Instant;
import java.util.List;

/**
 * The public answer of the verify link: {@code valid}, the failed checks in {@code reasons}, facts worth knowing in
 * {@code warnings}, and what the ledger says ({@code chain}, null for an unknown work), read from the ledger alone.
 */
public record VerificationResponse(boolean valid, List<String> reasons, List<String> warnings, String workId,
        String certificateHash, Instant checkedAt, String source, RegisteredFacts chain) {

    public static VerificationResponse of(CertificateVerification v) {
        return new VerificationResponse(v.valid(), v.reasons(), v.warnings(), v.workId(), v.certificateHash(),
                v.checkedAt(), "ledger", v.chain());
    }
}
