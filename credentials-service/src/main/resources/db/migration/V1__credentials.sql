-- Exchange API credentials. Key material lives only in `material`: a Tink AES-256-GCM ciphertext whose
-- associated data binds it to (user_id, id); `key_id` is the keyset key that sealed it (rotation progress).
CREATE TABLE credentials (
    id            UUID PRIMARY KEY,
    user_id       UUID        NOT NULL,
    exchange      TEXT        NOT NULL CHECK (exchange IN ('binance', 'bitget', 'gateio', 'mexc')),
    environment   TEXT        NOT NULL CHECK (environment IN ('live', 'testnet', 'paper')),
    label         TEXT        NOT NULL,
    api_key_hint  TEXT        NOT NULL,
    material      BYTEA       NOT NULL,
    key_id        BIGINT      NOT NULL,
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    status        TEXT        NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'valid', 'invalid')),
    status_reason TEXT,
    last_tested_at TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One active credential per user, exchange, environment and label.
CREATE UNIQUE INDEX credentials_one_active ON credentials (user_id, exchange, environment, label) WHERE active;
CREATE INDEX credentials_by_user ON credentials (user_id, created_at);
CREATE INDEX credentials_by_key ON credentials (key_id);

-- Every read of key material: who, which credential, when. Never the material.
CREATE TABLE credential_reads (
    id            BIGSERIAL PRIMARY KEY,
    credential_id UUID        NOT NULL,
    user_id       UUID        NOT NULL,
    client        TEXT        NOT NULL,
    read_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX credential_reads_by_credential ON credential_reads (credential_id, read_at);
