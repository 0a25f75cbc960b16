-- query-service's read models and its processors' tracking tokens (history: projections.flyway_schema_history).
-- Every table is rebuilt from the event store on replay; none holds anything the events do not.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- plan-status: where each plan version and action stands now.
CREATE TABLE plan_version (
    plan_id        TEXT        NOT NULL,
    version_id     TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    published_on   DATE        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    event_position BIGINT      NOT NULL,
    PRIMARY KEY (plan_id, version_id)
);

CREATE TABLE plan_aim (
    plan_id    TEXT    NOT NULL,
    version_id TEXT    NOT NULL,
    code       TEXT    NOT NULL,
    ordinal    INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    statement  TEXT,
    PRIMARY KEY (plan_id, version_id, code)
);

CREATE TABLE action_status (
    plan_id                  TEXT        NOT NULL,
    version_id               TEXT        NOT NULL,
    number                   INTEGER     NOT NULL,
    aim                      TEXT        NOT NULL,
    title                    TEXT        NOT NULL,
    description              TEXT,
    timeframe                TEXT,
    owner_body_id            TEXT,
    status                   TEXT        NOT NULL,
    continues                TEXT[]      NOT NULL,
    progress_summary         TEXT,
    progress_evidence        TEXT[],
    progress_effective_on    DATE,
    progress_recorded_at     TIMESTAMPTZ,
    -- The action aggregate's version (its last event's sequence number): what If-Match compares.
    version                  BIGINT      NOT NULL,
    -- Global position of the last event applied; an event at or below it has been applied already.
    last_event_position      BIGINT      NOT NULL,
    PRIMARY KEY (plan_id, version_id, number)
);

-- action-history: every change to every action, one row per event.
CREATE TABLE action_history (
    event_position  BIGINT      PRIMARY KEY,
    event_id        TEXT        NOT NULL,
    plan_id         TEXT        NOT NULL,
    version_id      TEXT        NOT NULL,
    number          INTEGER     NOT NULL,
    sequence_number BIGINT      NOT NULL,
    event_type      TEXT        NOT NULL,
    before          JSONB,
    after           JSONB,
    actor           TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL,
    effective_on    DATE,
    reason          TEXT,
    decision_id     TEXT,
    correlation_id  TEXT,
    command_id      TEXT
);

CREATE INDEX action_history_by_action ON action_history (plan_id, version_id, number, sequence_number);
