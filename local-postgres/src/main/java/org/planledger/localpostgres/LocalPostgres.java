package org.planledger.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL server in the foreground for {@code ./run.sh}, keeping its data between runs.
 * <p>
 * Settings come from the environment: {@code PLAN_LEDGER_DATA_DIR} (default {@code ./data}; the cluster lives in
 * its {@code postgres/} folder), {@code PLAN_LEDGER_DB_PORT} (default 54329), and the roles' names and passwords
 * ({@link DatabaseRoles}). The server is durable: every commit waits for its write-ahead log to reach the disk. Once
 * the {@code planledger} database accepts connections and the services' roles are set up in it, its JDBC URL is
 * written to {@code <data>/postgres.url}, which is how run.sh knows it is ready. Should the server die it is started
 * again ({@link PostgresSupervisor}). It stops on SIGTERM or Ctrl-C, and also when the process that started this one
 * goes away, so that no orphan server is left behind.
 * <p>
 * {@code roles} as the argument instead sets up the roles in the database {@code SPRING_DATASOURCE_URL} names,
 * logged in as {@code SPRING_DATASOURCE_USERNAME} (an administrator), and exits: run.sh's way with a PostgreSQL of
 * one's own.
 */
public final class LocalPostgres {

    public static final String DATABASE = "planledger";
    public static final String USER = "postgres";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseRoles roles = DatabaseRoles.fromEnvironment(System.getenv());
        if (args.length > 0 && args[0].equals("roles")) {
            Database admin = new Database(env("SPRING_DATASOURCE_URL", ""), env("SPRING_DATASOURCE_USERNAME", USER),
                    env("SPRING_DATASOURCE_PASSWORD", ""));
            roles.setUp(admin);
            System.out.printf("Roles %s, %s and %s set up in %s%n", roles.owner().role(), roles.command().role(),
                    roles.query().role(), admin.url());
            return;
        }
        Path dataDir = Path.of(env("PLAN_LEDGER_DATA_DIR", "data")).toAbsolutePath();
        int port = Integer.parseInt(env("PLAN_LEDGER_DB_PORT", "54329"));
        Path readyFile = dataDir.resolve("postgres.url");
        Files.createDirectories(dataDir);
        Files.deleteIfExists(readyFile);

        long started = System.nanoTime();
        Path cluster = dataDir.resolve("postgres");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(port)
                // An acknowledged command must survive a crash of the machine: a commit returns only once its
                // write-ahead log is on disk, and pages torn by the crash are restored from it. The library passes
                // the server -F (no fsync), meant for tests; these settings come after it on the command line and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        PostgresSupervisor supervisor = new PostgresSupervisor(server, cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(supervisor, readyFile), "local-postgres-stop"));

        Database database = ensureDatabase(server, port);
        roles.setUp(database);
        Files.writeString(readyFile, database.url() + System.lineSeparator());
        System.out.printf("PostgreSQL ready in %d ms at %s (data in %s); the services log in as %s and %s%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), database.url(), cluster,
                roles.command().role(), roles.query().role());

        stopWhenParentExits();
        new CountDownLatch(1).await();
    }

    /** The {@code planledger} database, created on first start, as its superuser sees it. */
    private static Database ensureDatabase(EmbeddedPostgres server, int port) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        }
        return new Database("jdbc:postgresql://localhost:" + port + "/" + DATABASE, USER, "");
    }

    /** If run.sh is killed outright it cannot stop us; notice and stop the server ourselves. */
    private static void stopWhenParentExits() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("The process that started PostgreSQL has gone; stopping it.");
            System.exit(0);
        }));
    }

    private static void stop(PostgresSupervisor supervisor, Path readyFile) {
        try {
            Files.deleteIfExists(readyFile);
            supervisor.stop();
            System.out.println("PostgreSQL stopped.");
        } catch (IOException e) {
            System.err.println("Stopping PostgreSQL failed: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
