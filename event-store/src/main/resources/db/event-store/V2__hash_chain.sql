-- Tamper evidence: every event is hash-chained. Its hash covers the hash of the event chained before it and every
-- column of its row in a canonical form (each field length-prefixed, so no two rows serialise alike). The chain is
-- kept by triggers, so no writer can append without extending it, and follows global_index exactly: a statement's
-- rows get their index only after it holds the chain's head, so appends are chained in commit order.
-- org.planledger.eventstore.EventChain recomputes the same hashes to verify the chain.

CREATE TABLE event_hash (
    global_index   BIGINT PRIMARY KEY,
    -- The event chained just before this one (null for the first): a deleted event shows as a broken link.
    previous_index BIGINT,
    hash           BYTEA  NOT NULL
);

CREATE TABLE chain_head (
    singleton    BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    global_index BIGINT,
    hash         BYTEA   NOT NULL
);
-- The chain starts from the hash of a fixed text, so the first event's hash has a previous hash like every other.
INSERT INTO chain_head (global_index, hash) VALUES (NULL, sha256(convert_to('plan-ledger event chain', 'UTF8')));

CREATE FUNCTION chain_field(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$;

CREATE FUNCTION chain_field(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
    SELECT chain_field(convert_to(value, 'UTF8'))
$$;

CREATE FUNCTION chain_digest(previous BYTEA, e domain_event_entry) RETURNS BYTEA LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
    SELECT sha256(previous || int8send(e.global_index) || chain_field(e.event_identifier) || chain_field(e.type)
                  || chain_field(e.aggregate_identifier) || int8send(e.sequence_number) || chain_field(e.payload_type)
                  || chain_field(e.payload_revision) || chain_field(e.payload) || chain_field(e.meta_data)
                  || chain_field(e.time_stamp))
$$;

CREATE FUNCTION chain_lock() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM 1 FROM chain_head FOR UPDATE;
    RETURN NULL;
END
$$;

CREATE FUNCTION chain_append() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    head chain_head;
    digest BYTEA;
BEGIN
    SELECT * INTO head FROM chain_head FOR UPDATE;
    digest := chain_digest(head.hash, NEW);
    INSERT INTO event_hash (global_index, previous_index, hash) VALUES (NEW.global_index, head.global_index, digest);
    UPDATE chain_head SET global_index = NEW.global_index, hash = digest;
    RETURN NULL;
END
$$;

CREATE FUNCTION chain_forbid_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    RAISE EXCEPTION 'events are never changed or deleted (% on %)', TG_OP, TG_TABLE_NAME;
END
$$;

-- Events recorded before this migration are chained first, in order.
DO $$
DECLARE
    e domain_event_entry;
    head chain_head;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY global_index LOOP
        SELECT * INTO head FROM chain_head;
        INSERT INTO event_hash VALUES (e.global_index, head.global_index, chain_digest(head.hash, e));
        UPDATE chain_head SET global_index = e.global_index, hash = chain_digest(head.hash, e);
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
