package org.planledger.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh, empty PostgreSQL databases for tests, one per call, with Plan Ledger's roles set up in each.
 * <p>
 * They are created on the server that {@value #URL_ENV} names (with {@code _USERNAME} and {@code _PASSWORD}, an
 * administrator that may create roles), or else on an embedded server started once per JVM from the binaries on the
 * classpath. Databases that earlier runs left on a named server are dropped once they are a few hours old. The roles
 * are the services' defaults; on a server that wants passwords they take the administrator's.
 */
public final class TestDatabases {

    public static final String URL_ENV = "PLAN_LEDGER_TEST_DATABASE_URL";
    private static final String PREFIX = "plt_";
    private static final Duration KEEP_FOR = Duration.ofHours(3);

    private static Database server;

    private TestDatabases() {
    }

    /** A new empty database on the test server, the roles set up in it. */
    public static synchronized TestDatabase create() {
        Database server = server();
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Database admin = new Database(server.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), server.username(),
                server.password());
        DatabaseRoles roles = roles(server);
        try (var connection = server.connect()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
            roles.setUp(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + server.url(), e);
        }
        return new TestDatabase(admin, roles);
    }

    private static DatabaseRoles roles(Database server) {
        DatabaseRoles roles = DatabaseRoles.fromEnvironment(System.getenv());
        String password = server.password() == null ? "" : server.password();
        return new DatabaseRoles(withPassword(roles.owner(), password), withPassword(roles.command(), password),
                withPassword(roles.query(), password));
    }

    private static DatabaseRoles.Login withPassword(DatabaseRoles.Login login, String password) {
        return login.password().isEmpty() ? new DatabaseRoles.Login(login.role(), password) : login;
    }

    /** The server itself, for tests that manage databases of their own. */
    public static synchronized Database server() {
        if (server == null) {
            String url = System.getenv(URL_ENV);
            server = url == null || url.isBlank() ? startEmbedded() : external(url);
        }
        return server;
    }

    private static Database external(String url) {
        Database admin = new Database(url,
                System.getenv().getOrDefault(URL_ENV.replace("_URL", "_USERNAME"), "postgres"),
                System.getenv().getOrDefault(URL_ENV.replace("_URL", "_PASSWORD"), ""));
        dropStale(admin);
        return admin;
    }

    private static Database startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory goes with it
                }
            }));
            // Not the library's URL: it carries ?user=postgres, which the driver prefers to any login given with it,
            // so every role would have connected as the superuser.
            return new Database("jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", e);
        }
    }

    private static void dropStale(Database admin) {
        long cutoff = Instant.now().minus(KEEP_FOR).getEpochSecond();
        try (var connection = admin.connect();
             var names = connection.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            List<String> stale = new ArrayList<>();
            while (names.next()) {
                String name = names.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the test PostgreSQL at " + admin.url(), e);
        }
    }
}
