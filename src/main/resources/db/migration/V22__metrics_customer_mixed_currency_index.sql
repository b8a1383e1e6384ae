-- The customers whose counted orders are in more than one currency, which the metrics group from their orders
-- (CustomerHistory): without an index every RFM and programme statement read all of metrics_customer once more to
-- find none of them (80 ms of a serial step at a million customers). Partial, so it holds only those rare rows and
-- costs an order's summary update the predicate alone.
CREATE INDEX metrics_customer_mixed_currency_idx ON metrics_customer (customer_id) WHERE cur_min <> cur_max;
