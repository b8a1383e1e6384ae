-- API clients. Only a SHA-256 hash of each key is stored; key_prefix is a short,
-- non-secret lookup handle that is also what listings show.
CREATE TABLE api_key (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role        text        NOT NULL CHECK (role IN ('ADMIN', 'STOREFRONT', 'PARTNER', 'ANALYST')),
    partner_id  uuid,
    key_prefix  text        NOT NULL,
    key_hash    bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT api_key_hash_unique UNIQUE (key_hash),
    CONSTRAINT api_key_partner_only_for_partner CHECK ((role = 'PARTNER') = (partner_id IS NOT NULL))
);
CREATE INDEX api_key_prefix_idx ON api_key (key_prefix) WHERE revoked_at IS NULL;

CREATE TABLE customer (
    id                uuid PRIMARY KEY,
    external_id       text,
    email             text,
    first_name        text,
    last_name         text,
    phone             text,
    birth_date        date,
    marketing_consent boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT customer_identified CHECK (external_id IS NOT NULL OR email IS NOT NULL),
    CONSTRAINT customer_external_id_unique UNIQUE (external_id)
);
-- Emails are unique regardless of case; look-ups use the same expression.
CREATE UNIQUE INDEX customer_email_unique ON customer (lower(email));
