-- The environment an order was placed in (live, testnet, paper): which market's prices matter to its owner.
ALTER TABLE orders ADD COLUMN environment TEXT;
