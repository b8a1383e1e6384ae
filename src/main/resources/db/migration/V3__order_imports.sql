-- Bulk imports of order history: one job per upload, and the rows it could not import.
CREATE TABLE import_job (
    id           uuid PRIMARY KEY,
    api_key_id   uuid        NOT NULL REFERENCES api_key (id),
    format       text        NOT NULL CHECK (format IN ('NDJSON', 'CSV')),
    status       text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    rows_read    bigint      NOT NULL DEFAULT 0,
    imported     bigint      NOT NULL DEFAULT 0,
    duplicates   bigint      NOT NULL DEFAULT 0,
    rejected     bigint      NOT NULL DEFAULT 0,
    customers_created bigint NOT NULL DEFAULT 0,
    error        text,
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    heartbeat_at timestamptz NOT NULL
);

CREATE TABLE import_rejection (
    job_id   uuid    NOT NULL REFERENCES import_job (id),
    line_no  bigint  NOT NULL,
    reason   text    NOT NULL,
    PRIMARY KEY (job_id, line_no)
);
