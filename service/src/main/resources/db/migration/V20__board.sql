-- The trading board (issue 6): listings, named offers, trades with their settlement saga steps (the outbox),
-- halts and the service's half of board policy. Money is in fen (CNY); parties are pseudonymous account ids.

CREATE TABLE board_listing (
    id                VARCHAR(40)  PRIMARY KEY,
    asset_id          VARCHAR(80)  NOT NULL,
    work_id           VARCHAR(64)  NOT NULL,
    asset_kind        VARCHAR(16)  NOT NULL CHECK (asset_kind IN ('EDITION', 'COPYRIGHT')),
    seller_id         VARCHAR(64)  NOT NULL,
    type              VARCHAR(24)  NOT NULL
        CHECK (type IN ('FIXED_PRICE', 'OFFERS_ONLY', 'ENGLISH_AUCTION', 'SEALED_BID_AUCTION')),
    price_fen         BIGINT       CHECK (price_fen > 0),
    reserve_fen       BIGINT       CHECK (reserve_fen > 0),
    min_increment_fen BIGINT       CHECK (min_increment_fen > 0),
    ends_at           TIMESTAMPTZ,
    reveal_ends_at    TIMESTAMPTZ,
    extension_seconds INTEGER      CHECK (extension_seconds >= 0),
    disclosure        TEXT         NOT NULL,
    licence_terms     TEXT         NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'RESERVED', 'SOLD', 'CANCELLED', 'CLOSED')),
    trade_id          VARCHAR(40),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
-- One live listing per asset: a second listing of the same asset is refused by the database too.
CREATE UNIQUE INDEX board_listing_live_asset ON board_listing (asset_id) WHERE status IN ('OPEN', 'RESERVED');
CREATE INDEX board_listing_status_idx ON board_listing (status, created_at DESC);
CREATE INDEX board_listing_seller_idx ON board_listing (seller_id);
CREATE INDEX board_listing_work_idx ON board_listing (work_id);

CREATE TABLE board_trade (
    id              VARCHAR(40)  PRIMARY KEY,
    listing_id      VARCHAR(40)  NOT NULL REFERENCES board_listing (id),
    asset_id        VARCHAR(80)  NOT NULL,
    work_id         VARCHAR(64)  NOT NULL,
    seller_id       VARCHAR(64)  NOT NULL,
    buyer_id        VARCHAR(64)  NOT NULL,
    price_fen       BIGINT       NOT NULL CHECK (price_fen > 0),
    origin          VARCHAR(24)  NOT NULL,
    hold_reference  VARCHAR(128) NOT NULL,
    rail            VARCHAR(40)  NOT NULL,
    resale          BOOLEAN      NOT NULL,
    terms_hash      CHAR(64)     NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('SETTLING', 'SETTLED', 'FAILED')),
    failure_code    VARCHAR(64),
    failure_reason  TEXT,
    fee_fen         BIGINT,
    royalty_fen     BIGINT,
    seller_net_fen  BIGINT,
    royalties_json  TEXT,
    settle_tx_id    VARCHAR(128),
    settle_block    BIGINT,
    lease_until     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    settled_at      TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CHECK (buyer_id <> seller_id)
);
-- Behind the listing lock: never two trades settling the same asset.
CREATE UNIQUE INDEX board_trade_settling_asset ON board_trade (asset_id) WHERE status = 'SETTLING';
CREATE INDEX board_trade_buyer_idx ON board_trade (buyer_id, created_at DESC);
CREATE INDEX board_trade_seller_idx ON board_trade (seller_id, created_at DESC);
CREATE INDEX board_trade_asset_idx ON board_trade (asset_id, settled_at DESC);
CREATE INDEX board_trade_status_idx ON board_trade (status, created_at);

-- The outbox: a step is written STARTED before it is sent, and DONE or FAILED after.
CREATE TABLE board_trade_step (
    trade_id     VARCHAR(40)  NOT NULL REFERENCES board_trade (id),
    step         VARCHAR(24)  NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('STARTED', 'DONE', 'FAILED')),
    attempts     INTEGER      NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ,
    tx_id        VARCHAR(128),
    block_number BIGINT,
    detail       TEXT,
    PRIMARY KEY (trade_id, step)
);

CREATE TABLE board_offer (
    id             VARCHAR(40)  PRIMARY KEY,
    listing_id     VARCHAR(40)  NOT NULL REFERENCES board_listing (id),
    asset_id       VARCHAR(80)  NOT NULL,
    seller_id      VARCHAR(64)  NOT NULL,
    buyer_id       VARCHAR(64)  NOT NULL,
    amount_fen     BIGINT       NOT NULL CHECK (amount_fen > 0),
    counter_fen    BIGINT       CHECK (counter_fen > 0),
    message        TEXT,
    status         VARCHAR(16)  NOT NULL
        CHECK (status IN ('PENDING', 'COUNTERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'LAPSED')),
    hold_reference VARCHAR(128) NOT NULL,
    trade_id       VARCHAR(40),
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX board_offer_listing_idx ON board_offer (listing_id, created_at);
CREATE INDEX board_offer_buyer_idx ON board_offer (buyer_id, created_at DESC);
CREATE INDEX board_offer_seller_idx ON board_offer (seller_id, created_at DESC);

CREATE TABLE board_halt (
    id         VARCHAR(40)  PRIMARY KEY,
    scope      VARCHAR(16)  NOT NULL CHECK (scope IN ('BOARD', 'ASSET', 'LISTING')),
    target_id  VARCHAR(80),
    reason     TEXT         NOT NULL,
    until      TIMESTAMPTZ,
    created_by VARCHAR(64)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    lifted_at  TIMESTAMPTZ,
    lifted_by  VARCHAR(64),
    CHECK ((scope = 'BOARD') = (target_id IS NULL))
);
CREATE INDEX board_halt_live_idx ON board_halt (lifted_at, until);

-- The service's half of board policy, one row once an operator changed it.
CREATE TABLE board_rules (
    id                 SMALLINT     PRIMARY KEY CHECK (id = 1),
    listing_types_json TEXT         NOT NULL,
    fee_bps            INTEGER      NOT NULL,
    royalty_bps        INTEGER      NOT NULL,
    price_band_bps     INTEGER      NOT NULL,
    updated_by         VARCHAR(64)  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
