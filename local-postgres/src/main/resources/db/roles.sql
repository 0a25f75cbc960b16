-- The PostgreSQL roles Plan Ledger runs as (docs/security.md), set up in its database by an administrator: a
-- superuser, or a role that may create roles and owns the database. ./run.sh, Compose and the tests run this script
-- themselves; a deployment runs it once, and again after an upgrade: it changes only what is missing.
--
--   owner     owns the events and projections schemas and everything in them; the services' migrations (Flyway)
--             log in as it. The services never do.
--   command   the command service: appends events, never changes or deletes one (see event-store's V4).
--   query     the query service: reads the events, keeps its read models (see the projections' V7).
--
-- It takes its parameters from session settings, set before it runs, so that psql and JDBC run the same text:
--   SELECT set_config('planledger.owner_role', 'planledger_owner', false),
--          set_config('planledger.command_role', 'planledger_command', false),
--          set_config('planledger.query_role', 'planledger_query', false),
--          set_config('planledger.owner_password', '', false),      -- '' leaves a role's password as it is
--          set_config('planledger.command_password', '', false),
--          set_config('planledger.query_password', '', false);
DO $$
DECLARE
    owner    text := current_setting('planledger.owner_role');
    login    record;
    item     record;
BEGIN
    FOR login IN VALUES (owner, current_setting('planledger.owner_password')),
                        (current_setting('planledger.command_role'), current_setting('planledger.command_password')),
                        (current_setting('planledger.query_role'), current_setting('planledger.query_password')) LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login.column1) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', login.column1);
        END IF;
        IF login.column2 <> '' THEN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', login.column1, login.column2);
        END IF;
        IF NOT has_database_privilege(login.column1, current_database(), 'CONNECT') THEN
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login.column1);
        END IF;
        -- Before PostgreSQL 15 everyone may create tables in the public schema; no role of ours needs to.
        IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public')
           AND has_schema_privilege(login.column1, 'public', 'CREATE') AND login.column1 <> owner THEN
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        END IF;
    END LOOP;

    -- The owner's migrations create the two schemas.
    IF NOT has_database_privilege(owner, current_database(), 'CREATE') THEN
        EXECUTE format('GRANT CREATE ON DATABASE %I TO %I', current_database(), owner);
    END IF;

    -- What an earlier version created as another user (before these roles existed, migrations ran as the services'
    -- one login) passes to the owner, so that its migrations can grant the services their rights.
    FOR item IN SELECT nspname FROM pg_namespace
                 WHERE nspname IN ('events', 'projections') AND nspowner <> owner::regrole LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', item.nspname, owner);
    END LOOP;
    -- Tables take their indexes and their columns' sequences with them.
    FOR item IN SELECT c.oid::regclass AS name,
                       CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                      WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('events', 'projections') AND c.relowner <> owner::regrole
                   AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                   AND NOT EXISTS (SELECT FROM pg_depend d
                                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                      AND d.deptype IN ('a', 'i') AND c.relkind = 'S') LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I', item.kind, item.name, owner);
    END LOOP;
    FOR item IN SELECT p.oid::regprocedure AS name
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN ('events', 'projections') AND p.proowner <> owner::regrole LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.name, owner);
    END LOOP;
END
$$;
