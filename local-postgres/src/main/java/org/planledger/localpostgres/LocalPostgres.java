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
 * its {@code postgres/} folder), {@code PLAN_LEDGER_DB_PORT} (default 54329). Once the {@code planledger}
 * database accepts connections its JDBC URL is written to {@code <data>/postgres.url}, which is how run.sh knows
 * it is ready. The server stops on SIGTERM or Ctrl-C, and also when the process that started this one goes away,
 * so that no orphan server is left behind.
 */
public final class LocalPostgres {

    public static final String DATABASE = "planledger";
    public static final String USER = "postgres";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(env("PLAN_LEDGER_DATA_DIR", "data")).toAbsolutePath();
        int port = Integer.parseInt(env("PLAN_LEDGER_DB_PORT", "54329"));
        Path readyFile = dataDir.resolve("postgres.url");
        Files.createDirectories(dataDir);
        Files.deleteIfExists(readyFile);

        long started = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                // An acknowledged command must survive a crash: commit only once the WAL is on disk.
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, readyFile), "local-postgres-stop"));

        String url = ensureDatabase(server, port);
        Files.writeString(readyFile, url + System.lineSeparator());
        System.out.printf("PostgreSQL ready in %d ms at %s (data in %s)%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), url, dataDir.resolve("postgres"));

        stopWhenParentExits();
        new CountDownLatch(1).await();
    }

    private static String ensureDatabase(EmbeddedPostgres server, int port) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        }
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** If run.sh is killed outright it cannot stop us; notice and stop the server ourselves. */
    private static void stopWhenParentExits() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("The process that started PostgreSQL has gone; stopping it.");
            System.exit(0);
        }));
    }

    private static void stop(EmbeddedPostgres server, Path readyFile) {
        try {
            Files.deleteIfExists(readyFile);
            server.close();
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
