package io.dcx.service.application.port;

import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.domain.review.ReviewStatus;
import java.util.List;
import java.util.Optional;

/** Registrations held for an operator's review. */
public interface RegistrationReviewStore {

    /**
     * Stores a new pending review, unless the same bytes already wait for review.
     *
     * @return the id of the review already pending for the same content hash, or empty if this one was stored
     */
    Optional<String> insertUnlessPending(RegistrationReview review);

    Optional<RegistrationReview> byId(String id);

    /** Reads a review and locks its row until the current transaction ends, so a decision is taken once. */
    Optional<RegistrationReview> lockById(String id);

    /** The review waiting for these bytes, if any. */
    Optional<RegistrationReview> pendingFor(String contentHash);

    /** Reviews in a status (all when empty), oldest first. */
    List<RegistrationReview> list(Optional<ReviewStatus> status, int offset, int limit);

    /** A requester's own reviews, newest first. */
    List<RegistrationReview> byRequester(String requester, int offset, int limit);

    /** Writes a decision (status, decided_by, decision, reason, decided_at, work_id, tx_id). */
    void recordDecision(RegistrationReview decided);
}
