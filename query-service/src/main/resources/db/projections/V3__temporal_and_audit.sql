-- Issue #4: the plan at any instant (bitemporal), the audit log's indexes.
--
-- Two times: effective time (when a change took effect, `asOf`) and recorded time (when the ledger learnt of it,
-- `knownAt`). An event whose effectiveOn is the day it was recorded takes effect at the instant it was recorded;
-- an event dated earlier takes effect at the start of that day (Europe/London).
--
-- plan-status rebuilds its tables from the first event with the new columns.
DELETE FROM token_entry WHERE processor_name = 'plan-status';
TRUNCATE plan_version, plan_aim, action_status, action_lineage;

ALTER TABLE plan_version ADD COLUMN effective_from TIMESTAMPTZ NOT NULL;
ALTER TABLE action_lineage ADD COLUMN effective_from TIMESTAMPTZ NOT NULL;
ALTER TABLE action_lineage ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL;

-- Every recorded change to an action's state, in the form the timeline is folded from: PUBLISHED sets every column,
-- the other kinds set theirs (CARRIED_FORWARD only moves the action's version).
CREATE TABLE action_fact (
    event_position        BIGINT      PRIMARY KEY,
    plan_id               TEXT        NOT NULL,
    version_id            TEXT        NOT NULL,
    number                INTEGER     NOT NULL,
    sequence_number       BIGINT      NOT NULL,
    kind                  TEXT        NOT NULL,
    effective_from        TIMESTAMPTZ NOT NULL,
    recorded_at           TIMESTAMPTZ NOT NULL,
    owner_body_id         TEXT,
    timeframe             TEXT,
    status                TEXT,
    progress_summary      TEXT,
    progress_evidence     TEXT[],
    progress_effective_on DATE
);
CREATE INDEX action_fact_by_action ON action_fact (plan_id, version_id, number, effective_from, event_position);
CREATE INDEX action_fact_progress ON action_fact (plan_id, effective_from) WHERE kind = 'PROGRESS';

-- The action's state over effective time [valid_from, valid_to), as the ledger knew it over recorded time
-- [known_from, known_to). A null end is open. What the ledger knows now is the rows with known_to IS NULL; a row is
-- never updated except to close its known_to, so what it knew at any past instant stays answerable.
CREATE TABLE action_state_interval (
    plan_id               TEXT        NOT NULL,
    version_id            TEXT        NOT NULL,
    number                INTEGER     NOT NULL,
    owner_body_id         TEXT,
    timeframe             TEXT,
    status                TEXT        NOT NULL,
    progress_summary      TEXT,
    progress_evidence     TEXT[],
    progress_effective_on DATE,
    progress_recorded_at  TIMESTAMPTZ,
    version               BIGINT      NOT NULL,
    valid_from            TIMESTAMPTZ NOT NULL,
    valid_to              TIMESTAMPTZ,
    known_from            TIMESTAMPTZ NOT NULL,
    known_to              TIMESTAMPTZ,
    PRIMARY KEY (plan_id, version_id, number, known_from, valid_from)
);
CREATE INDEX action_state_interval_by_version ON action_state_interval (plan_id, version_id, valid_from);
-- What the ledger knows now of one action: read on every change to it, so it must not scan the action's past.
CREATE INDEX action_state_interval_known ON action_state_interval (plan_id, version_id, number)
    WHERE known_to IS NULL;
CREATE INDEX action_state_interval_current_owner ON action_state_interval (owner_body_id)
    WHERE known_to IS NULL;

-- The audit log pages newest first by position, filtered by who, what and when.
CREATE INDEX change_log_by_actor ON change_log (actor, event_position);
CREATE INDEX change_log_by_type ON change_log (event_type, event_position);
CREATE INDEX change_log_by_recorded ON change_log (recorded_at, event_position);
CREATE INDEX change_log_by_subject ON change_log (subject, event_position);
DROP INDEX change_log_by_decision;
CREATE INDEX change_log_by_decision ON change_log (decision_id, event_position) WHERE decision_id IS NOT NULL;
-- Traceability: a carry-forward made by publishing a version shares the publication's command id.
CREATE INDEX change_log_publications ON change_log (command_id) WHERE event_type = 'PlanVersionPublished';
