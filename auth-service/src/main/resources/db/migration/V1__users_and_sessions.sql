CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL DEFAULT ARRAY['user'],
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Refresh tokens are stored only as SHA-256 hashes. Every rotation adds a row to the same family; a token
-- used after its rotation means it was stolen, and the whole family is revoked.
CREATE TABLE refresh_tokens (
    id             UUID PRIMARY KEY,
    family_id      UUID        NOT NULL,
    user_id        UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash     BYTEA       NOT NULL UNIQUE,
    issued_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    rotated_at     TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ,
    revoked_reason TEXT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Failed-login state per account (by normalised email, whether or not it exists) and per client address.
CREATE TABLE login_throttle (
    subject          TEXT PRIMARY KEY,
    failures         INT         NOT NULL,
    window_started   TIMESTAMPTZ NOT NULL,
    locked_until     TIMESTAMPTZ
);

CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    action      TEXT        NOT NULL,
    user_id     UUID,
    address     TEXT,
    detail      TEXT
);
CREATE INDEX audit_log_user ON audit_log (user_id, occurred_at);
