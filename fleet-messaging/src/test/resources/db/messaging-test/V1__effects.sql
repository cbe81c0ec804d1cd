CREATE TABLE applied_effects (
    applied_order BIGSERIAL PRIMARY KEY,
    event_id      TEXT NOT NULL,
    record_key    TEXT NOT NULL,
    amount        NUMERIC(38, 18) NOT NULL
);
