-- One row per event a consumer has applied, written in the consumer's own transaction: a redelivered
-- event finds its receipt and is skipped.
CREATE TABLE fleet_consumer_receipts (
    consumer    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
