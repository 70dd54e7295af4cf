package io.dcx.service.domain.certificate;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "is this certificate true?", checked against the ledger alone. {@code valid} when the work is on
 * chain, not revoked, and every fact given matches; otherwise {@code reasons} names each failed check
 * (WORK_NOT_FOUND, CONTENT_HASH_MISMATCH, CERTIFICATE_HASH_MISMATCH, WORK_REVOKED). {@code warnings} name facts a
 * holder should know that do not make the certificate false (WORK_DISPUTED, WORK_FROZEN). {@code chain} is what the
 * ledger says, or null when it does not know the work.
 */
public record CertificateVerification(boolean valid, List<String> reasons, List<String> warnings, String workId,
        RegisteredFacts chain, String certificateHash, Instant checkedAt) {

    public CertificateVerification {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
