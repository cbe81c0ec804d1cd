-- A trader's orders, with the roles and links of the earlier system (seed 004's orders table): the entry of a
-- group and the exits that protect it. Users are UUIDs; amounts are exact decimals; fees are kept per fill.
CREATE TABLE orders (
    -- also the id of the intent that places it, so the connector's updates and fills name the order directly
    id                 UUID        PRIMARY KEY,
    user_id            UUID        NOT NULL,
    credential_id      UUID        NOT NULL,
    exchange           TEXT        NOT NULL,
    environment        TEXT        NOT NULL,
    symbol             TEXT        NOT NULL,
    side               TEXT        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type               TEXT        NOT NULL CHECK (type IN ('MARKET', 'LIMIT')),
    quantity           NUMERIC     NOT NULL CHECK (quantity > 0),
    price              NUMERIC     CHECK (price > 0),
    role               TEXT        NOT NULL CHECK (role ~ '^(ENTRY|TP[1-9]|SL|TRAIL)$'),
    order_group_id     UUID        NOT NULL,
    parent_order_id    UUID        REFERENCES orders (id),
    -- SUBMITTED until the connector reports the venue's answer, then the venue's status
    status             TEXT        NOT NULL,
    status_reason      TEXT,
    client_order_id    TEXT,
    exchange_order_id  TEXT,
    executed_quantity  NUMERIC     NOT NULL DEFAULT 0,
    cumulative_quote   NUMERIC     NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX orders_of_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_of_group ON orders (order_group_id);

-- Each trade of an order, once per venue trade id, with the fee in the asset the venue charged it in.
CREATE TABLE fills (
    order_id        UUID        NOT NULL REFERENCES orders (id),
    trade_id        TEXT        NOT NULL,
    price           NUMERIC     NOT NULL,
    quantity        NUMERIC     NOT NULL,
    quote_quantity  NUMERIC     NOT NULL,
    fee             NUMERIC     NOT NULL,
    fee_asset       TEXT        NOT NULL,
    maker           BOOLEAN     NOT NULL,
    traded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, trade_id)
);

-- How far along an order status is, so that a report arriving late never takes an order back.
CREATE FUNCTION order_status_rank(status TEXT) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE status
        WHEN 'SUBMITTED' THEN 0
        WHEN 'UNKNOWN' THEN 1
        WHEN 'ACCEPTED' THEN 2
        WHEN 'PARTIALLY_FILLED' THEN 3
        ELSE 4
    END
$$;
