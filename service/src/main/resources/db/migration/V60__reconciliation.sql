-- Issue 8: reconciliation of the service's books with the chain (application.reconciliation). Every run is kept
-- with the differences it found, each with both sides; a clean run has a row and no differences.

-- counts_json: {"ASSET":{"checked":n,"differences":n},"TRADE":{..},"WORK":{..}}. ledger_msp: whose identity read the
-- chain (RegulatorMSP when a regulator ran it). requested_by: the account id, or 'system' for the scheduled job.
CREATE TABLE reconciliation_run (
    id               VARCHAR(40)  PRIMARY KEY,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ  NOT NULL,
    trigger          VARCHAR(16)  NOT NULL CHECK (trigger IN ('SCHEDULED', 'ON_DEMAND')),
    requested_by     VARCHAR(64)  NOT NULL,
    ledger_msp       VARCHAR(64)  NOT NULL,
    clean            BOOLEAN      NOT NULL,
    difference_count INTEGER      NOT NULL,
    truncated        BOOLEAN      NOT NULL,
    counts_json      TEXT         NOT NULL
);
CREATE INDEX reconciliation_run_finished_idx ON reconciliation_run (finished_at DESC, id DESC);

-- subject: ASSET, TRADE or WORK; kind: MISMATCH (a field differs), MISSING_ON_CHAIN (the service has it, the chain
-- does not), MISSING_IN_SERVICE (the chain has it, the service does not), UNEXPECTED_ON_CHAIN (a trade the service
-- failed is settled on chain). A side that has no value is NULL.
CREATE TABLE reconciliation_difference (
    run_id        VARCHAR(40)  NOT NULL REFERENCES reconciliation_run (id),
    position      INTEGER      NOT NULL,
    subject       VARCHAR(16)  NOT NULL,
    kind          VARCHAR(24)  NOT NULL,
    subject_id    VARCHAR(128) NOT NULL,
    field         VARCHAR(32)  NOT NULL,
    service_value TEXT,
    chain_value   TEXT,
    PRIMARY KEY (run_id, position)
);
