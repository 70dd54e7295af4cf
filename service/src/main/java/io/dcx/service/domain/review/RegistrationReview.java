package io.dcx.service.domain.review;

import io.dcx.service.domain.CreatorShare;
import java.time.Instant;
import java.util.List;

/**
 * An upload held for an operator's review because its perceptual fingerprint is close to earlier works of other
 * creators. It carries everything needed to register it later exactly as it was uploaded; the file is in the
 * content store under {@code contentHash}.
 */
public record RegistrationReview(
        String id,
        String requester,
        String title,
        String kind,
        String metadataJson,
        String metadataHash,
        List<CreatorShare> creators,
        List<String> parents,
        String contentHash,
        String contentType,
        long sizeBytes,
        String fingerprintKind,
        String fingerprint,
        List<SimilarWork> similar,
        ReviewStatus status,
        Instant createdAt,
        String decidedBy,
        ReviewDecision decision,
        String reason,
        Instant decidedAt,
        String workId,
        String txId) {

    public RegistrationReview {
        creators = List.copyOf(creators);
        parents = List.copyOf(parents);
        similar = List.copyOf(similar);
    }

    /** The same review, decided. */
    public RegistrationReview decided(String operator, ReviewDecision decision, String reason, Instant at,
            String workId, String txId) {
        return new RegistrationReview(id, requester, title, kind, metadataJson, metadataHash, creators, parents,
                contentHash, contentType, sizeBytes, fingerprintKind, fingerprint, similar, decision.outcome(),
                createdAt, operator, decision, reason, at, workId, txId);
    }
}
