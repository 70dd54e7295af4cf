-- Issue 7: post-trade surveillance. Changes of owner as surveillance saw them on the chain, the alerts it raised,
-- the cases operators work, their history, and the run-time thresholds.

-- Every settled trade and transfer surveillance consumed (the chain's facts plus the verified price). Also the
-- anchor of the replay on start: the engine's windows are rebuilt from the block of the oldest event inside the
-- longest window.
CREATE TABLE risk_market_event (
    reference       VARCHAR(128) PRIMARY KEY,
    trade_id        VARCHAR(40),
    tx_id           VARCHAR(128) NOT NULL,
    block_number    BIGINT       NOT NULL,
    asset_id        VARCHAR(80)  NOT NULL,
    work_id         VARCHAR(64),
    edition_count   INTEGER,
    seller_id       VARCHAR(64)  NOT NULL,
    buyer_id        VARCHAR(64)  NOT NULL,
    price_fen       BIGINT,
    at              TIMESTAMPTZ  NOT NULL,
    committed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX risk_market_event_at_idx ON risk_market_event (at);

CREATE TABLE risk_case (
    id              VARCHAR(40)  PRIMARY KEY,
    subject_type    VARCHAR(16)  NOT NULL,
    subject_id      VARCHAR(200) NOT NULL,
    rule            VARCHAR(32)  NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'ESCALATED', 'DISMISSED', 'ACTIONED')),
    opened_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
-- Alerts about one subject gather in its case while that case is open or escalated.
CREATE UNIQUE INDEX risk_case_active_subject ON risk_case (subject_type, subject_id)
    WHERE status IN ('OPEN', 'ESCALATED');
CREATE INDEX risk_case_status_idx ON risk_case (status, opened_at DESC);

CREATE TABLE risk_alert (
    id              VARCHAR(40)  PRIMARY KEY,
    rule            VARCHAR(32)  NOT NULL,
    subject_type    VARCHAR(16)  NOT NULL,
    subject_id      VARCHAR(200) NOT NULL,
    evidence_json   TEXT         NOT NULL,
    summary         TEXT         NOT NULL,
    dedup_key       VARCHAR(400) NOT NULL UNIQUE,
    event_at        TIMESTAMPTZ  NOT NULL,
    tx_id           VARCHAR(128) NOT NULL,
    block_number    BIGINT       NOT NULL,
    committed_at    TIMESTAMPTZ  NOT NULL,
    raised_at       TIMESTAMPTZ  NOT NULL,
    delay_ms        BIGINT       NOT NULL,
    case_id         VARCHAR(40)  NOT NULL REFERENCES risk_case (id)
);
CREATE INDEX risk_alert_raised_idx ON risk_alert (raised_at DESC, id DESC);
CREATE INDEX risk_alert_case_idx ON risk_alert (case_id);

CREATE TABLE risk_case_history (
    id              BIGSERIAL    PRIMARY KEY,
    case_id         VARCHAR(40)  NOT NULL REFERENCES risk_case (id),
    at              TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    from_status     VARCHAR(16),
    to_status       VARCHAR(16)  NOT NULL,
    action          VARCHAR(32)  NOT NULL,
    target          VARCHAR(200),
    note            TEXT
);
CREATE INDEX risk_case_history_case_idx ON risk_case_history (case_id, id);

-- One row: the thresholds an operator set (absent: the engine's defaults).
CREATE TABLE risk_settings (
    id              SMALLINT     PRIMARY KEY CHECK (id = 1),
    thresholds_json TEXT         NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);
