package io.dcx.service.application;

import io.dcx.service.application.port.ContentStore;
import io.dcx.service.application.port.RegistrationReviewStore;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.domain.review.ReviewDecision;
import io.dcx.service.domain.review.ReviewId;
import io.dcx.service.domain.review.ReviewStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The queue of registrations held for review: operators list and decide them, requesters follow their own.
 *
 * <p>A decision is taken once: the review's row is locked for the decision's transaction, a decided review answers
 * 409. REGISTER registers the work on chain while the lock is held (registrant = the requester, time = the chain
 * transaction's) and records the work id; REJECT needs a reason. Every decision is logged (category
 * {@code io.dcx.service.application.RegistrationReviews}, "AUDIT" lines) and kept in the row (decided_by,
 * decided_at, decision, reason) until the audit module records it too.
 */
@ApplicationScoped
public class RegistrationReviews {
    private static final Logger LOG = Logger.getLogger(RegistrationReviews.class);
    public static final int MAX_REASON = 1000;
    public static final int MAX_PAGE = 500;

    private final RegistrationReviewStore store;
    private final WorkRegistration registration;
    private final ContentStore contentStore;

    public RegistrationReviews(RegistrationReviewStore store, WorkRegistration registration,
            ContentStore contentStore) {
        this.store = store;
        this.registration = registration;
        this.contentStore = contentStore;
    }

    /** A requester's own review; anyone else's answers as if it did not exist. */
    public RegistrationReview ownedBy(String id, AccountId requester) {
        return find(id).filter(r -> r.requester().equals(requester.value())).orElseThrow(() -> notFound(id));
    }

    /** A requester's own reviews, newest first. */
    public List<RegistrationReview> ownedBy(AccountId requester, int offset, int limit) {
        return store.byRequester(requester.value(), checkOffset(offset), checkLimit(limit));
    }

    /** Any review, for operators. */
    public RegistrationReview byId(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** The queue, oldest first; {@code status} null or blank means all. */
    public List<RegistrationReview> list(String status, int offset, int limit) {
        Optional<ReviewStatus> filter = Optional.empty();
        if (status != null && !status.isBlank()) {
            try {
                filter = Optional.of(ReviewStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new DcxException(ErrorCode.INVALID_REQUEST,
                        "status must be PENDING_REVIEW, REGISTERED or REJECTED");
            }
        }
        return store.list(filter, checkOffset(offset), checkLimit(limit));
    }

    /** The held file, for the operator deciding. */
    public ContentQuery.StoredContent content(String id) {
        RegistrationReview review = byId(id);
        try {
            return contentStore.open(new ContentHash(review.contentHash()))
                    .map(in -> new ContentQuery.StoredContent(in, review.contentType(), review.sizeBytes(),
                            review.contentHash()))
                    .orElseThrow(() -> new DcxException(ErrorCode.CONTENT_NOT_FOUND,
                            "the file of registration review " + id + " is not in the content store"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decides a pending review.
     *
     * @throws DcxException REVIEW_NOT_FOUND, REVIEW_ALREADY_DECIDED (409), INVALID_REQUEST (bad decision, missing
     *     reason), or what registering on chain refuses (for example DUPLICATE_CONTENT if the same bytes were
     *     registered meanwhile; the review then stays pending, to be rejected)
     */
    @Transactional
    public RegistrationReview decide(String id, AccountId operator, String decisionText, String reasonText) {
        ReviewDecision decision = ReviewDecision.parse(decisionText);
        String reason = reasonText == null || reasonText.isBlank() ? null : reasonText.strip();
        if (decision == ReviewDecision.REJECT && reason == null) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "a rejection needs a reason");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "reason is longer than " + MAX_REASON + " characters");
        }
        RegistrationReview review = validId(id).flatMap(store::lockById).orElseThrow(() -> notFound(id));
        if (review.status() != ReviewStatus.PENDING_REVIEW) {
            throw new DcxException(ErrorCode.REVIEW_ALREADY_DECIDED,
                    "registration review " + id + " was already decided: " + review.status(),
                    Map.of("reviewStatus", review.status().name()));
        }
        String workId = null;
        String txId = null;
        if (decision == ReviewDecision.REGISTER) {
            Work work = registration.registerReviewed(review);
            workId = work.id();
            txId = work.txId();
        }
        RegistrationReview decided = review.decided(operator.value(), decision, reason,
                Instant.now().truncatedTo(ChronoUnit.MICROS), workId, txId);
        store.recordDecision(decided);
        LOG.infof("AUDIT registration-review-decision review=%s decision=%s operator=%s requester=%s"
                        + " contentHash=%s work=%s tx=%s reason=%s", review.id(), decision, operator.value(),
                review.requester(), review.contentHash(), workId, txId, reason);
        return decided;
    }

    private Optional<RegistrationReview> find(String id) {
        return validId(id).flatMap(store::byId);
    }

    private static Optional<String> validId(String id) {
        try {
            return Optional.of(new ReviewId(id).value());
        } catch (DcxException malformed) {
            return Optional.empty();
        }
    }

    private static DcxException notFound(String id) {
        return new DcxException(ErrorCode.REVIEW_NOT_FOUND, "no registration review with id " + id);
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit must be 1.." + MAX_PAGE);
        }
        return limit;
    }

    private static int checkOffset(int offset) {
        if (offset < 0) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "offset must not be negative");
        }
        return offset;
    }
}
