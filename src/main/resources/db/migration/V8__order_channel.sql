-- Where an order was placed (web, app, a store ...), optional, so that metrics can be asked per channel.
ALTER TABLE orders ADD COLUMN channel text CHECK (length(channel) BETWEEN 1 AND 50);
