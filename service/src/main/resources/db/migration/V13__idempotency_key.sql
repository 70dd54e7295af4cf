-- Idempotency-Key records: the first request's hash and the response it got, per scope (the caller's account).
CREATE TABLE idempotency_key (
    scope           VARCHAR(64)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
