-- Least privilege (docs/security.md). Migrations run as the schema's owner; the query service logs in as a role of
-- its own, which an administrator creates beforehand (local-postgres's db/roles.sql), named by the placeholder.
-- It may read and write every read model, token and instance row, but not change the schema or its migration
-- history. It reads the events through event-store's V4.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${query-role};
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${query-role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO ${query-role};
REVOKE ALL ON ${flyway:table} FROM ${query-role};

-- Tables and sequences that later migrations add (they run as this same owner) get the same rights by themselves.
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${query-role};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${query-role};
