-- Registrations held for an operator's review: an upload whose perceptual fingerprint is close to an earlier work
-- of someone else. Nothing of it is on chain until an operator decides REGISTER; then the work is registered exactly
-- like a direct registration (registrant = the requester) and work_id/tx_id name it. A REJECT keeps the reason.
-- decided_by/decided_at/decision/reason are the audit trail of the decision (see RegistrationReviews).
CREATE TABLE registration_review (
    id               VARCHAR(64)   PRIMARY KEY,
    requester        VARCHAR(64)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    -- the canonical metadata JSON as uploaded (hashed into metadata_hash), and what was read from it
    metadata_json    TEXT,
    metadata_hash    VARCHAR(64)   NOT NULL DEFAULT '',
    creators_json    TEXT          NOT NULL,
    parents_json     TEXT          NOT NULL,
    -- the file, kept in the content store under content_hash
    content_hash     CHAR(64)      NOT NULL,
    content_type     VARCHAR(255),
    size_bytes       BIGINT        NOT NULL,
    fingerprint_kind VARCHAR(32)   NOT NULL,
    fingerprint      VARCHAR(128)  NOT NULL,
    -- [{"workId","title","distance"}], closest first, as found when the upload arrived
    similar_json     TEXT          NOT NULL,
    status           VARCHAR(32)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    decided_by       VARCHAR(64),
    decision         VARCHAR(16),
    reason           VARCHAR(1000),
    decided_at       TIMESTAMPTZ,
    work_id          VARCHAR(64),
    tx_id            VARCHAR(128),
    CONSTRAINT registration_review_status_ck CHECK (status IN ('PENDING_REVIEW', 'REGISTERED', 'REJECTED')),
    CONSTRAINT registration_review_decision_ck CHECK (
        (status = 'PENDING_REVIEW' AND decision IS NULL AND decided_by IS NULL AND decided_at IS NULL
            AND work_id IS NULL)
        OR (status = 'REGISTERED' AND decision = 'REGISTER' AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND work_id IS NOT NULL)
        OR (status = 'REJECTED' AND decision = 'REJECT' AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND reason IS NOT NULL AND work_id IS NULL))
);

-- The same bytes can wait for review only once at a time: a second upload of them answers 409 naming this one.
CREATE UNIQUE INDEX registration_review_pending_hash_uq ON registration_review (content_hash)
    WHERE status = 'PENDING_REVIEW';
-- The operators' queue, oldest first.
CREATE INDEX registration_review_queue_idx ON registration_review (status, created_at, id);
-- A requester's own requests.
CREATE INDEX registration_review_requester_idx ON registration_review (requester, created_at);
