-- Issue 8: anchoring on an EVM chain (service/AUDIT.md, "Anchoring and proofs").
-- Leaves: every work registered and every trade settled on the chain, numbered 1, 2, 3, ... without gaps in the order
-- the anchoring consumer first met them on the chain's event stream (consumer 'anchor-leaves' in chain_checkpoint).
-- canonical is the text hashed (SHA-256 of 0x00 || canonical); the row is never changed afterwards.
CREATE TABLE anchor_leaf (
    seq          BIGINT       PRIMARY KEY CHECK (seq >= 1),
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('work', 'trade')),
    subject_id   VARCHAR(200) NOT NULL,
    canonical    TEXT         NOT NULL,
    leaf_hash    CHAR(64)     NOT NULL,
    tx_id        VARCHAR(200) NOT NULL,
    block_number BIGINT       NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (kind, subject_id)
);

-- Anchors: a Merkle root over leaves from_seq..to_seq, sent to the DcxAnchor contract at contract_address.
-- SENT: the signed transaction (signed_tx) is stored before it is broadcast, so a crash between the two is resumed by
-- broadcasting the same bytes again (same nonce: it cannot land twice); ANCHORED: mined, anchor_index is the
-- contract's; FAILED: the transaction reverted (reason) and the range goes into the next anchor.
CREATE TABLE anchor (
    id               BIGSERIAL    PRIMARY KEY,
    contract_address VARCHAR(42)  NOT NULL,
    chain_id         BIGINT       NOT NULL,
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('SENT', 'ANCHORED', 'FAILED')),
    root             CHAR(64)     NOT NULL,
    from_seq         BIGINT       NOT NULL,
    to_seq           BIGINT       NOT NULL CHECK (to_seq >= from_seq),
    leaf_count       INTEGER      NOT NULL,
    evm_tx_hash      VARCHAR(66)  NOT NULL,
    signed_tx        TEXT         NOT NULL,
    anchor_index     BIGINT,
    evm_block        BIGINT,
    evm_block_time   TIMESTAMPTZ,
    reason           TEXT,
    requested_by     VARCHAR(200) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    anchored_at      TIMESTAMPTZ,
    CHECK (status <> 'ANCHORED' OR (anchor_index IS NOT NULL AND evm_block IS NOT NULL))
);
-- One anchor in flight per contract, and one anchored root per range start.
CREATE UNIQUE INDEX anchor_one_sent_idx ON anchor (contract_address) WHERE status = 'SENT';
CREATE UNIQUE INDEX anchor_range_idx ON anchor (contract_address, from_seq) WHERE status = 'ANCHORED';
CREATE INDEX anchor_lookup_idx ON anchor (contract_address, status, to_seq);
