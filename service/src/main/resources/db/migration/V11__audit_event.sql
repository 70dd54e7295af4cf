-- The audit trail (minimal write side; issue 8 adds hash chaining and reading). before_json and after_json are
-- kept as the exact text written, never personal data in clear.
CREATE TABLE audit_event (
    id           BIGSERIAL    PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    subject_type VARCHAR(32)  NOT NULL,
    subject_id   VARCHAR(128) NOT NULL,
    before_json  TEXT,
    after_json   TEXT,
    request_id   VARCHAR(128)
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id);
CREATE INDEX audit_event_at_idx ON audit_event (at);
