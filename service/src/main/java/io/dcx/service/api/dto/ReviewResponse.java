package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.domain.review.SimilarWork;
import java.time.Instant;
import java.util.List;

/** A registration held for review, as operators see it: everything the requester sent, and the decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewResponse(
        String id,
        String status,
        String requester,
        String title,
        String kind,
        List<CreatorShare> creators,
        List<String> parents,
        String metadataHash,
        @JsonRawValue String metadata,
        String contentHash,
        String contentType,
        long sizeBytes,
        String fingerprint,
        String fingerprintKind,
        List<SimilarWork> similar,
        Instant createdAt,
        String decision,
        String decidedBy,
        Instant decidedAt,
        String reason,
        String workId,
        String txId) {

    public static ReviewResponse of(RegistrationReview r) {
        return new ReviewResponse(r.id(), r.status().name(), r.requester(), r.title(), r.kind(), r.creators(),
                r.parents(), r.metadataHash(), r.metadataJson(), r.contentHash(), r.contentType(), r.sizeBytes(),
                r.fingerprint(), r.fingerprintKind(), r.similar(), r.createdAt(),
                r.decision() == null ? null : r.decision().name(), r.decidedBy(), r.decidedAt(), r.reason(),
                r.workId(), r.txId());
    }
}
