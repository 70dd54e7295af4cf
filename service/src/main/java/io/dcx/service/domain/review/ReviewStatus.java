package io.dcx.service.domain.review;

/** Where a registration held for review stands. */
public enum ReviewStatus {
    /** Waiting for an operator; nothing is on chain. */
    PENDING_REVIEW,
    /** An operator decided REGISTER: the work is on chain. */
    REGISTERED,
    /** An operator decided REJECT, with a reason. */
    REJECTED
}
