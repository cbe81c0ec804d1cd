-- The assets an order's symbol trades, learnt from the venue's rules when it was placed: a fill's fee is valued
-- by whether it was taken in the base asset, the quote asset or a third one.
ALTER TABLE orders ADD COLUMN base_asset TEXT, ADD COLUMN quote_asset TEXT;
CREATE INDEX fills_by_time ON fills (traded_at, trade_id);
