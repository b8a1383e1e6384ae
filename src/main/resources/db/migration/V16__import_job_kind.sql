-- One job model for every bulk import: what a job imports (orders, feedback), so its progress reads the same.
ALTER TABLE import_job ADD COLUMN kind text NOT NULL DEFAULT 'ORDERS' CHECK (kind ~ '^[A-Z][A-Z_]{0,29}$');
