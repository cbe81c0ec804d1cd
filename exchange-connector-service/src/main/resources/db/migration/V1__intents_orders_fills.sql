-- Intents as received: each account's work queue, kept in arrival order, done once their outcome is recorded.
CREATE TABLE intents (
    seq           BIGSERIAL   PRIMARY KEY,
    intent_id     UUID        NOT NULL UNIQUE,
    credential_id UUID        NOT NULL,
    type          TEXT        NOT NULL,
    event         BYTEA       NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- "not now" from the venue (429/418) or from credentials-service: try again after this
    not_before    TIMESTAMPTZ,
    done_at       TIMESTAMPTZ
);
CREATE INDEX intents_pending ON intents (credential_id, seq) WHERE done_at IS NULL;

-- Every order an intent placed, from the moment before it is sent: a row in SENDING is an order that may exist
-- on the venue, and is never sent again until the venue says it does not (after the receive window has passed).
CREATE TABLE orders (
    intent_id                 UUID        PRIMARY KEY,
    credential_id             UUID        NOT NULL,
    user_id                   UUID        NOT NULL,
    venue                     TEXT        NOT NULL,
    symbol                    TEXT        NOT NULL,
    side                      TEXT        NOT NULL,
    client_order_id           TEXT        NOT NULL,
    venue_order_id            TEXT,
    status                    TEXT        NOT NULL,
    executed_quantity         NUMERIC     NOT NULL DEFAULT 0,
    cumulative_quote_quantity NUMERIC     NOT NULL DEFAULT 0,
    -- the sum of the fills reported: below executed_quantity, trades are still to be fetched
    filled_quantity           NUMERIC     NOT NULL DEFAULT 0,
    sent_at                   TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (credential_id, client_order_id),
    CHECK (status IN ('SENDING', 'ACCEPTED', 'REJECTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'EXPIRED', 'UNKNOWN'))
);
CREATE INDEX orders_live ON orders (credential_id)
    WHERE status IN ('SENDING', 'UNKNOWN', 'ACCEPTED', 'PARTIALLY_FILLED') OR filled_quantity < executed_quantity;

-- Each venue trade reported once per order.
CREATE TABLE fills (
    intent_id   UUID        NOT NULL REFERENCES orders (intent_id),
    trade_id    TEXT        NOT NULL,
    quantity    NUMERIC     NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (intent_id, trade_id)
);

-- Keys to test with a harmless signed read, and when to try next: a network failure is not "invalid".
CREATE TABLE key_checks (
    credential_id UUID        PRIMARY KEY,
    requested_at  TIMESTAMPTZ NOT NULL,
    attempts      INT         NOT NULL DEFAULT 0,
    next_at       TIMESTAMPTZ NOT NULL
);
