-- A row the broker refuses for good (too large, topic gone) is parked after a bounded number of tries
-- instead of being retried for ever; later rows of the same key wait behind it, other keys flow on.
-- docs/runbooks/outbox.md says how to inspect, replay or discard a parked row.
ALTER TABLE fleet_outbox
    ADD COLUMN attempts   INT         NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

DROP INDEX fleet_outbox_pending;
CREATE INDEX fleet_outbox_pending ON fleet_outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX fleet_outbox_parked ON fleet_outbox (topic, record_key) WHERE parked_at IS NOT NULL AND published_at IS NULL;

-- Receipts are pruned by age, per consumer.
CREATE INDEX fleet_consumer_receipts_age ON fleet_consumer_receipts (consumer, received_at);
