-- Events a projection could not handle, parked so that everything else goes on (Axon's JDBC dead-letter queue, with
-- the column names given in DeadLetterConfiguration). A parked event holds up the later events of its own sequence
-- (its aggregate) in that projection only. Health reports every row; /api/admin/dead-letters retries or evicts them.
-- Timestamps are ISO-8601 text because that is how Axon writes and compares them.
CREATE TABLE dead_letter_entry (
    dead_letter_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group    VARCHAR(255) NOT NULL,
    sequence_identifier VARCHAR(255) NOT NULL,
    sequence_index      BIGINT       NOT NULL,
    message_type        VARCHAR(255) NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    time_stamp          VARCHAR(255) NOT NULL,
    payload_type        VARCHAR(255) NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA        NOT NULL,
    meta_data           BYTEA,
    aggregate_type      VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number     BIGINT,
    token_type          VARCHAR(255),
    token               BYTEA,
    enqueued_at         VARCHAR(255) NOT NULL,
    last_touched        VARCHAR(255),
    processing_started  VARCHAR(255),
    cause_type          VARCHAR(255),
    cause_message       VARCHAR(1023),
    diagnostics         BYTEA,
    CONSTRAINT dead_letter_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- Parked events that the secretariat chose to drop from a projection rather than retry: that projection will never
-- show them. Kept so that the choice stays visible (GET /api/admin/dead-letters). Not a read model: replays keep it.
CREATE TABLE dead_letter_eviction (
    dead_letter_id   VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group VARCHAR(255) NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    event_position   BIGINT,
    payload_type     VARCHAR(255) NOT NULL,
    cause            VARCHAR(1023),
    evicted_by       TEXT         NOT NULL,
    evicted_at       TIMESTAMPTZ  NOT NULL
);
