-- Events waiting to be relayed to Kafka. A row is written in the same transaction as the state change it
-- announces, so an event exists exactly when its change was committed.
CREATE TABLE fleet_outbox (
    id           BIGSERIAL PRIMARY KEY,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event_id     TEXT        NOT NULL UNIQUE,
    payload      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);

CREATE INDEX fleet_outbox_pending ON fleet_outbox (id) WHERE published_at IS NULL;

-- NOTIFY is delivered when the inserting transaction commits (and never if it rolls back), which is
-- exactly when the relay should wake.
CREATE FUNCTION fleet_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('fleet_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER fleet_outbox_inserted
    AFTER INSERT ON fleet_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION fleet_outbox_notify();
