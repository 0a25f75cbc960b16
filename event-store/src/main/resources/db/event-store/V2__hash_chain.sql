-- Tamper evidence: every event is hash-chained. Its hash covers the hash of the event chained before it and every
-- column of its row in a canonical form (each field length-prefixed, so no two rows serialise alike). The chain is
-- kept by triggers, so no writer can append without extending it, and follows global_index exactly: a statement's
-- rows get their index only after it holds the chain's head, so appends are chained in commit order.
-- org.planledger.eventstore.EventChain recomputes the same hashes to verify the chain.
--
-- Every name inside the functions is qualified with this schema, so they work whatever a session's search_path is,
-- without a SET clause (which would cost a search_path change per event).

CREATE TABLE event_hash (
    global_index   BIGINT PRIMARY KEY,
    -- The event chained just before this one (null for the first): a deleted event shows as a broken link.
    previous_index BIGINT,
    hash           BYTEA  NOT NULL
);

-- The hash the chain starts from, so the first event has a previous hash like every other.
CREATE FUNCTION chain_genesis() RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(convert_to('plan-ledger event chain', 'UTF8'))
$$;

CREATE FUNCTION chain_field(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$;

CREATE FUNCTION chain_field(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT ${flyway:defaultSchema}.chain_field(convert_to(value, 'UTF8'))
$$;

-- PL/pgSQL, not SQL: PostgreSQL plans an SQL function's body again on every call, and this one runs per event.
CREATE FUNCTION chain_digest(previous BYTEA, e ${flyway:defaultSchema}.domain_event_entry)
    RETURNS BYTEA LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN sha256(previous
                  || int8send(e.global_index)
                  || ${flyway:defaultSchema}.chain_field(e.event_identifier)
                  || ${flyway:defaultSchema}.chain_field(e.type)
                  || ${flyway:defaultSchema}.chain_field(e.aggregate_identifier)
                  || int8send(e.sequence_number)
                  || ${flyway:defaultSchema}.chain_field(e.payload_type)
                  || ${flyway:defaultSchema}.chain_field(e.payload_revision)
                  || ${flyway:defaultSchema}.chain_field(e.payload)
                  || ${flyway:defaultSchema}.chain_field(e.meta_data)
                  || ${flyway:defaultSchema}.chain_field(e.time_stamp));
END
$$;

-- One appender at a time, from before the statement's rows draw their global_index until the transaction ends.
-- An advisory lock, not a row lock on a head row: updating one row per event inside a long transaction would make
-- each update walk all the versions the transaction left behind.
CREATE FUNCTION chain_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7061916224735);
    RETURN NULL;
END
$$;

-- The head of the chain is its last link: the hash of the highest position chained so far.
CREATE FUNCTION chain_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous ${flyway:defaultSchema}.event_hash;
BEGIN
    SELECT * INTO previous FROM ${flyway:defaultSchema}.event_hash ORDER BY global_index DESC LIMIT 1;
    INSERT INTO ${flyway:defaultSchema}.event_hash (global_index, previous_index, hash)
    VALUES (NEW.global_index, previous.global_index,
            ${flyway:defaultSchema}.chain_digest(coalesce(previous.hash, ${flyway:defaultSchema}.chain_genesis()), NEW));
    RETURN NULL;
END
$$;

CREATE FUNCTION chain_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are never changed or deleted (% on %)', TG_OP, TG_TABLE_NAME;
END
$$;

-- Events recorded before this migration are chained first, in order.
DO $$
DECLARE
    e domain_event_entry;
    previous event_hash;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY global_index LOOP
        SELECT * INTO previous FROM event_hash ORDER BY global_index DESC LIMIT 1;
        INSERT INTO event_hash VALUES (e.global_index, previous.global_index,
                                       chain_digest(coalesce(previous.hash, chain_genesis()), e));
    END LOOP;
END
$$;

CREATE TRIGGER domain_event_entry_chain_lock BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION chain_lock();
CREATE TRIGGER domain_event_entry_chain AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION chain_append();
CREATE TRIGGER domain_event_entry_unchanged BEFORE UPDATE OR DELETE OR TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION chain_forbid_change();
CREATE TRIGGER event_hash_unchanged BEFORE UPDATE OR DELETE OR TRUNCATE ON event_hash
    FOR EACH STATEMENT EXECUTE FUNCTION chain_forbid_change();
