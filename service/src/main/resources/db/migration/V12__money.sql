-- Money (issue 5): a double-entry journal in fen, CNY only. journal_line is the truth; book_balance caches the
-- balance of customer accounts (user:*), updated in the posting's transaction under a row lock, and can be
-- rebuilt from the lines at any time.

CREATE TABLE journal_entry (
    id        BIGSERIAL    PRIMARY KEY,
    at        TIMESTAMPTZ  NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    reference VARCHAR(128) NOT NULL
);
CREATE INDEX journal_entry_reference_idx ON journal_entry (reference);

CREATE TABLE journal_line (
    id           BIGSERIAL    PRIMARY KEY,
    entry_id     BIGINT       NOT NULL REFERENCES journal_entry (id),
    account_code VARCHAR(160) NOT NULL,
    amount_fen   BIGINT       NOT NULL CHECK (amount_fen <> 0),
    currency     CHAR(3)      NOT NULL CHECK (currency = 'CNY')
);
CREATE INDEX journal_line_account_idx ON journal_line (account_code);
CREATE INDEX journal_line_entry_idx ON journal_line (entry_id);

-- A second line of defence behind the code: at commit, every entry touched must balance per currency.
CREATE FUNCTION journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM journal_line WHERE entry_id = NEW.entry_id
               GROUP BY currency HAVING sum(amount_fen) <> 0) THEN
        RAISE EXCEPTION 'journal entry % does not balance', NEW.entry_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON journal_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();

-- The journal is append-only.
CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();

CREATE TABLE book_balance (
    account_code VARCHAR(160) PRIMARY KEY,
    currency     CHAR(3)      NOT NULL CHECK (currency = 'CNY'),
    balance_fen  BIGINT       NOT NULL CHECK (balance_fen >= 0),
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- Money set aside for a reference (a trade id, a withdrawal id).
CREATE TABLE money_hold (
    reference  VARCHAR(128) PRIMARY KEY,
    account_id VARCHAR(64)  NOT NULL,
    amount_fen BIGINT       NOT NULL CHECK (amount_fen > 0),
    currency   CHAR(3)      NOT NULL CHECK (currency = 'CNY'),
    status     VARCHAR(16)  NOT NULL CHECK (status IN ('HELD', 'RELEASED', 'CAPTURED')),
    placed_at  TIMESTAMPTZ  NOT NULL,
    closed_at  TIMESTAMPTZ
);
CREATE INDEX money_hold_account_idx ON money_hold (account_id, status);

CREATE TABLE deposit (
    id             VARCHAR(40)  PRIMARY KEY,
    account_id     VARCHAR(64)  NOT NULL,
    amount_fen     BIGINT       NOT NULL CHECK (amount_fen > 0),
    currency       CHAR(3)      NOT NULL CHECK (currency = 'CNY'),
    rail           VARCHAR(32)  NOT NULL,
    rail_reference VARCHAR(128) NOT NULL,
    at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX deposit_account_idx ON deposit (account_id, at);

CREATE TABLE withdrawal (
    id             VARCHAR(40)  PRIMARY KEY,
    account_id     VARCHAR(64)  NOT NULL,
    amount_fen     BIGINT       NOT NULL CHECK (amount_fen > 0),
    currency       CHAR(3)      NOT NULL CHECK (currency = 'CNY'),
    rail           VARCHAR(32)  NOT NULL,
    status         VARCHAR(24)  NOT NULL
                   CHECK (status IN ('PENDING_CONFIRMATION', 'COMPLETED', 'REFUSED', 'FAILED')),
    rail_reference VARCHAR(128),
    requested_at   TIMESTAMPTZ  NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     VARCHAR(64),
    reason         TEXT
);
CREATE INDEX withdrawal_status_idx ON withdrawal (status, requested_at);
CREATE INDEX withdrawal_account_idx ON withdrawal (account_id, requested_at);
