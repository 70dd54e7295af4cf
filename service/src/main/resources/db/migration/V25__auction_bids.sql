-- Auction bids (issue 6). English bids carry their amount from the start; sealed bids a commitment (lowercase hex
-- SHA-256 of amountFen:salt:bidderAccountId) and, once revealed, the amount and the salt, so anyone can recheck the
-- hash after the close. seq is the order of placement: it breaks ties between equal sealed bids (the earlier
-- commitment wins) and orders the bid history. A bid's id is also the reference of the hold on the bidder's money.
CREATE TABLE auction_bid (
    id             VARCHAR(40)  PRIMARY KEY,
    seq            BIGSERIAL    NOT NULL UNIQUE,
    listing_id     VARCHAR(40)  NOT NULL REFERENCES board_listing (id),
    bidder_id      VARCHAR(64)  NOT NULL,
    amount_fen     BIGINT       CHECK (amount_fen > 0),
    commitment     CHAR(64)     CHECK (commitment ~ '^[0-9a-f]{64}$'),
    salt           VARCHAR(128),
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'OUTBID', 'COMMITTED', 'REPLACED', 'REVEALED',
                                                           'INVALID', 'WON', 'LOST', 'LAPSED')),
    invalid_reason VARCHAR(64),
    placed_at      TIMESTAMPTZ  NOT NULL,
    revealed_at    TIMESTAMPTZ,
    closed_at      TIMESTAMPTZ,
    -- an English bid has an amount and no commitment; a sealed one a commitment, and an amount once revealed
    CHECK (commitment IS NOT NULL OR (amount_fen IS NOT NULL AND salt IS NULL)),
    CHECK (commitment IS NULL OR status NOT IN ('ACTIVE', 'OUTBID')),
    CHECK (commitment IS NOT NULL OR status IN ('ACTIVE', 'OUTBID', 'WON', 'LOST')),
    CHECK (status NOT IN ('REVEALED', 'INVALID') OR (amount_fen IS NOT NULL AND salt IS NOT NULL))
);
CREATE INDEX auction_bid_listing_idx ON auction_bid (listing_id, seq);
CREATE INDEX auction_bid_bidder_idx ON auction_bid (bidder_id, placed_at DESC);
-- Behind the listing lock: one highest English bid per listing, one live sealed bid per bidder and listing.
CREATE UNIQUE INDEX auction_bid_one_active ON auction_bid (listing_id) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX auction_bid_one_sealed_per_bidder ON auction_bid (listing_id, bidder_id)
    WHERE commitment IS NOT NULL AND status <> 'REPLACED';
