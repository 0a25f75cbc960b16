-- Idempotency-Key: the first answer to each key, written in the same transaction as the command's events, so a
-- repeat (after a restart, or on another command-service instance) finds it and appends nothing.
CREATE TABLE idempotency_key (
    actor          TEXT        NOT NULL,
    key            TEXT        NOT NULL,
    -- SHA-256 of the command the key was first used for: the same key with another request is refused.
    fingerprint    BYTEA       NOT NULL,
    command_id     TEXT        NOT NULL,
    result         TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, key)
);
