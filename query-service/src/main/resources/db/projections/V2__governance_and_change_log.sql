-- Issue #3: lineage both ways, the governance read models, and one change log for every event (replacing
-- action_history). Read models are rebuilt from the event store: the processors whose tables change here lose
-- their tokens, so they replay from the first event when the service starts.

DROP TABLE action_history;
DELETE FROM token_entry WHERE processor_name IN ('action-history', 'plan-status');
TRUNCATE plan_version, plan_aim, action_status;

-- plan-status: which actions continue which, from publication (continues) and from carrying forward (into).
ALTER TABLE action_status DROP COLUMN continues;
CREATE TABLE action_lineage (
    earlier        TEXT   NOT NULL,
    later          TEXT   NOT NULL,
    event_position BIGINT NOT NULL,
    PRIMARY KEY (earlier, later)
);
CREATE INDEX action_lineage_by_later ON action_lineage (later);

-- change-log: every event, what it changed, who, when (recorded and effective), why, under which decision.
CREATE TABLE change_log (
    event_position  BIGINT      PRIMARY KEY,
    event_id        TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    sequence_number BIGINT      NOT NULL,
    plan_id         TEXT,
    version_id      TEXT,
    action_number   INTEGER,
    body_id         TEXT,
    meeting_id      TEXT,
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
CREATE INDEX change_log_by_action ON change_log (plan_id, version_id, action_number, sequence_number)
    WHERE action_number IS NOT NULL;
CREATE INDEX change_log_by_decision ON change_log (decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX change_log_by_body ON change_log (body_id, event_position) WHERE body_id IS NOT NULL;
CREATE INDEX change_log_by_meeting ON change_log (meeting_id, event_position) WHERE meeting_id IS NOT NULL;

-- governance: bodies, who held which role when, meetings, minutes and decisions.
CREATE TABLE body (
    body_id             TEXT    PRIMARY KEY,
    kind                TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    remit               TEXT,
    aim                 TEXT,
    established_on      DATE,
    disbanded_on        DATE,
    version             BIGINT  NOT NULL,
    last_event_position BIGINT  NOT NULL
);

-- One row per role held: CHAIR, MEMBER, or CO_OPTED (onto the Task Force, from the group the person chairs).
CREATE TABLE body_role (
    body_id          TEXT   NOT NULL,
    person_id        TEXT   NOT NULL,
    person_name      TEXT   NOT NULL,
    role             TEXT   NOT NULL,
    co_opted_from    TEXT,
    from_on          DATE   NOT NULL,
    until_on         DATE,
    started_position BIGINT NOT NULL,
    ended_position   BIGINT,
    PRIMARY KEY (started_position, person_id)
);
CREATE INDEX body_role_by_body ON body_role (body_id, from_on);
CREATE INDEX body_role_by_person ON body_role (person_id, from_on);

CREATE TABLE meeting (
    meeting_id          TEXT    PRIMARY KEY,
    body_id             TEXT    NOT NULL,
    held_on             DATE    NOT NULL,
    title               TEXT    NOT NULL,
    present             JSONB   NOT NULL DEFAULT '[]',
    apologies           JSONB   NOT NULL DEFAULT '[]',
    minutes_state       TEXT    NOT NULL DEFAULT 'NONE',
    minutes_items       JSONB,
    approved_at         TEXT,
    version             BIGINT  NOT NULL,
    last_event_position BIGINT  NOT NULL
);
CREATE INDEX meeting_by_body ON meeting (body_id, held_on);

-- Every text the minutes have had: drafts, then amendments with their reasons. Nothing is overwritten.
CREATE TABLE minutes_revision (
    event_position BIGINT      PRIMARY KEY,
    meeting_id     TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    items          JSONB       NOT NULL,
    reason         TEXT,
    actor          TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX minutes_revision_by_meeting ON minutes_revision (meeting_id, event_position);

CREATE TABLE decision (
    decision_id    TEXT        PRIMARY KEY,
    meeting_id     TEXT        NOT NULL,
    text           TEXT        NOT NULL,
    actions        TEXT[]      NOT NULL,
    actor          TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL,
    event_position BIGINT      NOT NULL
);
CREATE INDEX decision_by_meeting ON decision (meeting_id);
