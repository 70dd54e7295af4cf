-- The embedded ledger (io.dcx.service.infrastructure.ledger.embedded): Fabric's block store, state database and
-- history database, kept in PostgreSQL. One committer thread is the only writer of these tables; it writes each
-- block (its header, its transactions, their write sets and the resulting state) in one database transaction.
-- Keys are stored as the UTF-8 bytes of the Fabric key, so bytea order is LevelDB's order, composite keys
-- (which start with U+0000) included. There are no foreign keys: verifyChain() checks the chain instead.

-- Block headers. hash = SHA-256(number | previous_hash | data_hash); block 0 is the genesis block, whose data
-- hash covers the channel name and the member organisations' CA certificates.
CREATE TABLE ledger_block (
    number        BIGINT      PRIMARY KEY,
    previous_hash BYTEA       NOT NULL,
    data_hash     BYTEA       NOT NULL,
    hash          BYTEA       NOT NULL,
    tx_count      INTEGER     NOT NULL,
    committed_at  TIMESTAMPTZ NOT NULL
);

-- Every ordered transaction, valid or not (as in a Fabric block), in block order. validation_code is Fabric's:
-- VALID, MVCC_READ_CONFLICT or PHANTOM_READ_CONFLICT. args are the parameters after the function name. Only a
-- VALID transaction's event is delivered.
CREATE TABLE ledger_tx (
    block_number    BIGINT      NOT NULL,
    tx_index        INTEGER     NOT NULL,
    tx_id           VARCHAR(64) NOT NULL,
    creator_msp     VARCHAR(64) NOT NULL,
    function        TEXT        NOT NULL,
    args            BYTEA[]     NOT NULL,
    tx_timestamp    TIMESTAMPTZ NOT NULL,
    validation_code VARCHAR(32) NOT NULL,
    event_name      TEXT,
    event_payload   BYTEA,
    PRIMARY KEY (block_number, tx_index),
    CONSTRAINT ledger_tx_id_unique UNIQUE (tx_id)
);

-- The write set of every ordered transaction (value NULL = delete). The rows of valid transactions are the
-- history database: getHistoryForKey reads them newest first.
CREATE TABLE ledger_write (
    block_number BIGINT  NOT NULL,
    tx_index     INTEGER NOT NULL,
    key          BYTEA   NOT NULL,
    value        BYTEA,
    valid        BOOLEAN NOT NULL,
    PRIMARY KEY (block_number, tx_index, key)
);
CREATE INDEX ledger_write_history_idx ON ledger_write (key, block_number, tx_index) WHERE valid;

-- World state: the latest committed value of each live key and its version (block, transaction index).
CREATE TABLE ledger_state (
    key          BYTEA   PRIMARY KEY,
    value        BYTEA   NOT NULL,
    block_number BIGINT  NOT NULL,
    tx_index     INTEGER NOT NULL
);

-- The member organisations' X.509 identities (a CA and one client certificate each), generated on first start.
-- Only certificates are kept: the embedded ledger never signs, it presents the certificate as the creator.
CREATE TABLE ledger_identity (
    msp_id         VARCHAR(64) PRIMARY KEY,
    role           VARCHAR(32) NOT NULL,
    ca_certificate TEXT        NOT NULL,
    certificate    TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
