-- The service's read model of the chain. The ledger is the truth: every row here can be rebuilt from chain
-- events (see ChainEventProjector), and the reconciliation job compares the two.

-- Registered works, as projected from WorkRegistered events (or written right after the commit that made them).
CREATE TABLE work (
    id               VARCHAR(64)  PRIMARY KEY,
    content_hash     CHAR(64)     NOT NULL UNIQUE,
    title            VARCHAR(200) NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    fingerprint      VARCHAR(128) NOT NULL DEFAULT '',
    fingerprint_kind VARCHAR(32)  NOT NULL DEFAULT 'none',
    status           VARCHAR(32)  NOT NULL,
    registrant       VARCHAR(64)  NOT NULL,
    creators_json    TEXT         NOT NULL,
    metadata_hash    VARCHAR(64)  NOT NULL DEFAULT '',
    metadata_json    TEXT,
    content_type     VARCHAR(255),
    size_bytes       BIGINT,
    tx_id            VARCHAR(128) NOT NULL,
    block_number     BIGINT       NOT NULL,
    registered_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX work_registrant_idx ON work (registrant);

-- Which block holds which transaction, for every transaction the service has seen commit.
CREATE TABLE chain_tx (
    tx_id        VARCHAR(128) PRIMARY KEY,
    block_number BIGINT       NOT NULL,
    committed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX chain_tx_block_idx ON chain_tx (block_number);

-- Where each chain event consumer resumes: the next block it has not fully processed.
CREATE TABLE chain_checkpoint (
    consumer   VARCHAR(64) PRIMARY KEY,
    next_block BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
