package io.dcx.service.api.dto;

import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.certificate.Certificate;
import io.dcx.service.domain.certificate.RegisteredFacts;
import java.time.Instant;
import java.util.List;

/**
 * A registration certificate as JSON: the chain's facts about the work, the block of its registration, the status
 * when issued, the certificate hash (SHA-256 over the attested facts) and the public link that verifies it.
 */
public record CertificateResponse(
        String workId,
        String title,
        String kind,
        List<CreatorShare> creators,
        String contentHash,
        String fingerprint,
        String fingerprintKind,
        String metadataHash,
        String txId,
        Long blockNumber,
        Instant registeredAt,
        String status,
        String verifyUrl,
        Instant issuedAt,
        String certificateHash) {

    public static CertificateResponse of(Certificate c) {
        RegisteredFacts f = c.facts();
        return new CertificateResponse(f.workId(), f.title(), f.kind(), f.creators(), f.contentHash(), f.fingerprint(),
                f.fingerprintKind(), f.metadataHash(), f.txId(), c.blockNumber(), f.registeredAt(), f.status(),
                c.verifyUrl(), c.issuedAt(), c.certificateHash());
    }
}
