-- The e-CNY token rail (issue 6): customers' wallets, the token transfers into the escrow seen on chain, the
-- scanner's checkpoint, and the payouts signed from the escrow.

-- A wallet belongs to one account; addresses are stored lower-case (0x + 40 hex).
CREATE TABLE ecny_wallet (
    address       VARCHAR(42) PRIMARY KEY CHECK (address ~ '^0x[0-9a-f]{40}$'),
    account_id    VARCHAR(64) NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ecny_wallet_account_idx ON ecny_wallet (account_id, registered_at);

-- Each Transfer(from, escrow) log once: (tx_hash, log_index) is the unique key that makes crediting exactly-once.
-- CREDITED rows name the deposit; UNMATCHED ones came from an address no account registered (operators see them).
CREATE TABLE ecny_transfer_in (
    tx_hash      VARCHAR(66)  NOT NULL,
    log_index    INTEGER      NOT NULL,
    token        VARCHAR(42)  NOT NULL,
    block_number BIGINT       NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    from_address VARCHAR(42)  NOT NULL,
    amount_units NUMERIC(78)  NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('CREDITED', 'UNMATCHED')),
    account_id   VARCHAR(64),
    deposit_id   VARCHAR(64),
    note         VARCHAR(200),
    seen_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ecny_transfer_in_status_idx ON ecny_transfer_in (status, seen_at);

-- The deposit scanner's checkpoint, one per token contract: the last block scanned and its hash (to notice a
-- reorganisation deeper than the confirmation depth, which halts crediting until an operator looks).
CREATE TABLE ecny_scan_checkpoint (
    token           VARCHAR(42) PRIMARY KEY,
    last_block      BIGINT      NOT NULL,
    last_block_hash VARCHAR(66),
    halted_reason   VARCHAR(300),
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Payouts from the escrow, one per business reference (a withdrawal id). The transaction is signed with an
-- explicit nonce and stored before it is broadcast, so a retry re-sends the very same transaction (same nonce,
-- same hash) and can never pay twice.
CREATE TABLE ecny_payout (
    reference   VARCHAR(128) PRIMARY KEY,
    account_id  VARCHAR(64)  NOT NULL,
    to_address  VARCHAR(42)  NOT NULL,
    amount_fen  BIGINT       NOT NULL CHECK (amount_fen > 0),
    escrow      VARCHAR(42)  NOT NULL,
    nonce       BIGINT       NOT NULL,
    tx_hash     VARCHAR(66)  NOT NULL UNIQUE,
    raw_tx      TEXT         NOT NULL,
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('SIGNED', 'SENT', 'MINED', 'REVERTED', 'ABANDONED')),
    block_number BIGINT,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
-- Two live payouts never share a nonce of one escrow (ABANDONED ones were never broadcast and free theirs).
CREATE UNIQUE INDEX ecny_payout_nonce_idx ON ecny_payout (escrow, nonce) WHERE status <> 'ABANDONED';
