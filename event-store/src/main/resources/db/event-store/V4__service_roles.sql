-- Least privilege (docs/security.md). Migrations run as the schema's owner; the services log in as roles of their
-- own, which an administrator creates beforehand (local-postgres's db/roles.sql), named by the placeholders.
--
-- The command service appends events and keeps its own tables; it cannot change or delete an event, nor write a
-- link of the hash chain itself. The query service only reads the events and their chain.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${command-role}, ${query-role};

GRANT SELECT, INSERT ON domain_event_entry TO ${command-role};
GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO ${command-role};
-- Axon deletes an aggregate's older snapshots when it stores a newer one.
GRANT SELECT, INSERT, DELETE ON snapshot_event_entry TO ${command-role};
-- A key is written before the command runs and its answer after.
GRANT SELECT, INSERT, UPDATE ON idempotency_key TO ${command-role};

GRANT SELECT ON domain_event_entry, event_hash TO ${query-role};

-- The trigger that chains each appended event writes event_hash with its owner's rights, so no service needs (or
-- has) the right to write a link. Its function has no SET search_path (that would cost a setting change per event):
-- every name in it is qualified with this schema, and no role of ours may create objects that could shadow the
-- built-ins it calls (db/roles.sql).
ALTER FUNCTION chain_append() SECURITY DEFINER;
