package org.planledger.localpostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL roles Plan Ledger runs as (docs/security.md): {@code owner} owns both schemas and is who the
 * migrations log in as; {@code command} and {@code query} are what each service logs in as. Their names and passwords
 * come from {@code PLAN_LEDGER_DB_{OWNER,COMMAND,QUERY}_{ROLE,PASSWORD}}, the variables the services read too.
 */
public record DatabaseRoles(Login owner, Login command, Login query) {

    /** A role and its password ({@code ""} for none: the embedded and test servers trust local connections). */
    public record Login(String role, String password) {
    }

    /** What the services' migrations' placeholders take: who is granted what. */
    public Map<String, String> placeholders() {
        return Map.of("command-role", command.role(), "query-role", query.role());
    }

    /** The roles as the environment names them, with the services' defaults. */
    public static DatabaseRoles fromEnvironment(Map<String, String> env) {
        return new DatabaseRoles(login(env, "OWNER", "planledger_owner"), login(env, "COMMAND", "planledger_command"),
                login(env, "QUERY", "planledger_query"));
    }

    /**
     * Creates what is missing in {@code admin}'s database: the roles, the owner's right to create schemas, and
     * the owner's ownership of what an earlier version created as another user. Runs {@code db/roles.sql}, the
     * script Compose and deployments run with psql.
     */
    public void setUp(Database admin) throws SQLException {
        try (var connection = admin.connect();
             var settings = connection.prepareStatement("""
                     SELECT set_config('planledger.owner_role', ?, false), set_config('planledger.owner_password', ?, false),
                            set_config('planledger.command_role', ?, false), set_config('planledger.command_password', ?, false),
                            set_config('planledger.query_role', ?, false), set_config('planledger.query_password', ?, false)""")) {
            int i = 0;
            for (Login login : new Login[] {owner, command, query}) {
                settings.setString(++i, login.role());
                settings.setString(++i, login.password());
            }
            settings.execute();
            connection.createStatement().execute(script());
        }
    }

    private static String script() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream("/db/roles.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Login login(Map<String, String> env, String which, String role) {
        String prefix = "PLAN_LEDGER_DB_" + which;
        return new Login(value(env, prefix + "_ROLE", role), value(env, prefix + "_PASSWORD", ""));
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
