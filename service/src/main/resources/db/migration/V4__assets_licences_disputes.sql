-- Everything after registration: the read models of assets, licences and lineage (projections of the chain, see
-- RightsProjector; each row can be rebuilt from chain events), and disputes (the service's own records: the chain
-- only learns a dispute's outcome, as a change of the work's status).

-- Assets of works: edition k of N, or the copyright itself. block_number is the block of the last transaction that
-- wrote the asset (tx_id); a projection only overwrites a row with facts from the same or a later block.
CREATE TABLE asset (
    id              VARCHAR(80) PRIMARY KEY,
    work_id         VARCHAR(64) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    edition         INTEGER,
    edition_count   INTEGER,
    owner           VARCHAR(64) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    issue_price_fen BIGINT,
    acquired_at     TIMESTAMPTZ NOT NULL,
    acquired_by     VARCHAR(16) NOT NULL,
    last_action     VARCHAR(16) NOT NULL,
    tx_id           VARCHAR(128) NOT NULL,
    block_number    BIGINT      NOT NULL,
    CONSTRAINT asset_kind_check CHECK (kind IN ('EDITION', 'COPYRIGHT')),
    CONSTRAINT asset_edition_check CHECK (kind = 'COPYRIGHT' OR (edition BETWEEN 1 AND edition_count))
);
CREATE INDEX asset_work_idx ON asset (work_id, kind, edition);
CREATE INDEX asset_owner_idx ON asset (owner);

-- Licences granted on works (works:GrantLicence). Validity is the half-open range [valid_from, valid_until).
CREATE TABLE licence (
    id             VARCHAR(64)  PRIMARY KEY,
    work_id        VARCHAR(64)  NOT NULL,
    licensee       VARCHAR(64)  NOT NULL,
    grantor        VARCHAR(64)  NOT NULL,
    commercial_use BOOLEAN      NOT NULL,
    derivatives    BOOLEAN      NOT NULL,
    territory      VARCHAR(100) NOT NULL,
    exclusive      BOOLEAN      NOT NULL,
    fee_fen        BIGINT       NOT NULL CHECK (fee_fen >= 0),
    valid_from     DATE         NOT NULL,
    valid_until    DATE         NOT NULL,
    granted_at     TIMESTAMPTZ  NOT NULL,
    tx_id          VARCHAR(128) NOT NULL,
    block_number   BIGINT       NOT NULL,
    CONSTRAINT licence_term_check CHECK (valid_from < valid_until)
);
CREATE INDEX licence_work_idx ON licence (work_id);
CREATE INDEX licence_licensee_idx ON licence (licensee);

-- Derivative works and their parents, from the "parents" of registered works: the edges of the lineage graph.
CREATE TABLE work_parent (
    work_id      VARCHAR(64) NOT NULL,
    parent_id    VARCHAR(64) NOT NULL,
    block_number BIGINT      NOT NULL,
    PRIMARY KEY (work_id, parent_id)
);
CREATE INDEX work_parent_parent_idx ON work_parent (parent_id);

-- Infringement claims against works. status: OPEN, DISPUTED, FROZEN, DISMISSED, RESOLVED.
CREATE TABLE dispute (
    id               VARCHAR(64) PRIMARY KEY,
    work_id          VARCHAR(64) NOT NULL,
    claimant         VARCHAR(64) NOT NULL,
    claim            TEXT        NOT NULL,
    evidence_work_id VARCHAR(64),
    status           VARCHAR(16) NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT dispute_status_check CHECK (status IN ('OPEN', 'DISPUTED', 'FROZEN', 'DISMISSED', 'RESOLVED'))
);
CREATE INDEX dispute_work_idx ON dispute (work_id, status);
CREATE INDEX dispute_claimant_idx ON dispute (claimant);
CREATE INDEX dispute_status_idx ON dispute (status, created_at);

-- Every step of a dispute: who (account id), what, when, the status before and after, and the chain transaction
-- that changed the work's status, if any.
CREATE TABLE dispute_event (
    id           BIGSERIAL   PRIMARY KEY,
    dispute_id   VARCHAR(64) NOT NULL REFERENCES dispute (id),
    at           TIMESTAMPTZ NOT NULL,
    actor        VARCHAR(64) NOT NULL,
    action       VARCHAR(32) NOT NULL,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16) NOT NULL,
    reason       TEXT,
    work_status  VARCHAR(16),
    tx_id        VARCHAR(128),
    block_number BIGINT
);
CREATE INDEX dispute_event_dispute_idx ON dispute_event (dispute_id, id);
