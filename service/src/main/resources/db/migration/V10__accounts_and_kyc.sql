-- Customer accounts and KYC (issue 5). Personal data is stored only encrypted (AES-256-GCM, one random nonce per
-- value, the key id inside each value: "v1:<keyId>:<base64 nonce||ciphertext||tag>") and, for linked-account
-- detection, as keyed hashes (HMAC-SHA256 with a separate key).

-- One account per identity-provider user, keyed by the pseudonymous id used on chain.
CREATE TABLE account (
    id            VARCHAR(64)  PRIMARY KEY,
    subject_hash  CHAR(64)     NOT NULL UNIQUE,
    type          VARCHAR(16)  CHECK (type IN ('INDIVIDUAL', 'INSTITUTION')),
    kyc_status    VARCHAR(16)  NOT NULL
                  CHECK (kyc_status IN ('NONE', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    tier          VARCHAR(32),
    status_reason TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Every KYC submission, with its review. The *_enc columns hold ciphertext only.
CREATE TABLE kyc_application (
    id                       VARCHAR(40)  PRIMARY KEY,
    account_id               VARCHAR(64)  NOT NULL REFERENCES account (id),
    type                     VARCHAR(16)  NOT NULL CHECK (type IN ('INDIVIDUAL', 'INSTITUTION')),
    status                   VARCHAR(16)  NOT NULL
                             CHECK (status IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED')),
    name_enc                 TEXT         NOT NULL,
    id_number_enc            TEXT,
    phone_enc                TEXT,
    bank_card_enc            TEXT,
    address_enc              TEXT,
    device_id_enc            TEXT,
    credit_code_enc          TEXT,
    legal_representative_enc TEXT,
    watch_list_hits_json     TEXT         NOT NULL DEFAULT '[]',
    submitted_at             TIMESTAMPTZ  NOT NULL,
    opened_by                VARCHAR(64),
    opened_at                TIMESTAMPTZ,
    decided_by               VARCHAR(64),
    decided_at               TIMESTAMPTZ,
    reason                   TEXT,
    watch_list_override      TEXT,
    tier                     VARCHAR(32)
);
CREATE INDEX kyc_application_account_idx ON kyc_application (account_id, submitted_at DESC);
CREATE INDEX kyc_application_status_idx ON kyc_application (status, submitted_at);

-- Keyed hashes of the facts an account presented (id number, credit code, phone, bank card, device, address).
CREATE TABLE kyc_signal (
    account_id  VARCHAR(64) NOT NULL REFERENCES account (id),
    kind        VARCHAR(16) NOT NULL,
    value_hash  CHAR(64)    NOT NULL,
    kyc_id      VARCHAR(40) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, kind, value_hash)
);
CREATE INDEX kyc_signal_value_idx ON kyc_signal (kind, value_hash);

-- Accounts found sharing a fact: one row per direction and kind.
CREATE TABLE account_link (
    account_id        VARCHAR(64) NOT NULL REFERENCES account (id),
    linked_account_id VARCHAR(64) NOT NULL REFERENCES account (id),
    kind              VARCHAR(16) NOT NULL,
    detected_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, linked_account_id, kind),
    CHECK (account_id <> linked_account_id)
);
