package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.domain.review.SimilarWork;
import java.time.Instant;
import java.util.List;

/**
 * A registration held for review, as its requester sees it (and as {@code POST /api/v1/works} answers with 202):
 * {@code status} PENDING_REVIEW, then REGISTERED with {@code workId} or REJECTED with {@code reason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationResponse(
        String id,
        String status,
        String title,
        String kind,
        String contentHash,
        String fingerprint,
        String fingerprintKind,
        List<SimilarWork> similar,
        Instant createdAt,
        Instant decidedAt,
        String workId,
        String reason) {

    public static RegistrationResponse of(RegistrationReview r) {
        return new RegistrationResponse(r.id(), r.status().name(), r.title(), r.kind(), r.contentHash(),
                r.fingerprint(), r.fingerprintKind(), r.similar(), r.createdAt(), r.decidedAt(), r.workId(),
                r.reason());
    }
}
