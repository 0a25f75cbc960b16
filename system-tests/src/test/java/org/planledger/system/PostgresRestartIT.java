package org.planledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.DatabaseRoles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL going away under both services. Stopped and started again while clients send keyed commands, and each
 * client, as a careful one would, sends a command again with its key until it is acknowledged: both services recover
 * without a hand, the command service answers again, the query service catches up, every command is in the store
 * exactly once. And run.sh's own PostgreSQL killed outright: run.sh starts it again.
 */
class PostgresRestartIT {

    private static final int CLIENTS = 8;
    private static final int COMMANDS_EACH = 40;
    private static final int RESTART_AFTER = 60;
    /** Less than the minute within which run.sh's supervisor takes a second death for a crash loop. */
    private static final Duration CRASH_LOOP_WITHIN = Duration.ofSeconds(45);

    @TempDir
    Path data;

    @Test
    void bothServicesRecoverFromADatabaseRestartAndNothingIsLostOrDoubled() throws Exception {
        Path postgresData = data.resolve("postgres");
        int port = freePort();
        Process postgres = startPostgres(postgresData, port);
        Database database = new Database(Files.readString(postgresData.resolve("postgres.url")).strip(), "postgres", "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        try (PlanLedgerProcess ledger = new PlanLedgerProcess(data.resolve("ledger"), database).start()) {
            Clients clients = Clients.start(CLIENTS, COMMANDS_EACH, (c, i) -> {
                String summary = run + " client " + c + " update " + i;
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    attempts.incrementAndGet();
                    String outcome = send(ledger, summary);
                    if (outcome.equals("201")) {
                        acknowledged.add(summary);
                        return true;
                    }
                    failures.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    return false;
                });
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= RESTART_AFTER);
            long stopped = System.nanoTime();
            postgres.destroy(); // SIGTERM: PostgreSQL shuts down, as for a restart or a fail-over
            postgres.waitFor();
            postgres = startPostgres(postgresData, port);
            long down = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
            clients.awaitAll();

            // The query service catches up by itself: every update shows in the action's history.
            long recovered = System.nanoTime();
            await().atMost(Duration.ofMinutes(3)).until(() -> Action7.updatesInHistory(ledger, run) == CLIENTS * COMMANDS_EACH);
            long caughtUp = Duration.ofNanos(System.nanoTime() - recovered).toMillis();
            assertThat(Http.get(ledger.commandUrl("/actuator/health")).status()).isEqualTo(200);
            assertThat(Http.get(ledger.queryUrl("/actuator/health")).status()).isEqualTo(200);

            Map<String, Integer> stored = Store.progressOnAction7(database, run);
            long duplicates = stored.values().stream().filter(copies -> copies > 1).count();
            System.out.printf("PostgreSQL restarted under load: down %d ms; sent %d commands in %d attempts, failed "
                            + "attempts by answer %s; acknowledged %d, found %d, lost %d, duplicates %d; query side "
                            + "caught up %d ms after the last acknowledgement%n", down, CLIENTS * COMMANDS_EACH,
                    attempts.get(), new TreeMap<>(failures), acknowledged.size(), stored.size(),
                    acknowledged.stream().filter(summary -> !stored.containsKey(summary)).count(), duplicates, caughtUp);
            assertThat(failures.keySet()).as("answers while the database was down").isSubsetOf("503", "no answer");
            assertThat(stored.keySet()).isEqualTo(acknowledged);
            assertThat(duplicates).isZero();
            assertThat(acknowledged).hasSize(CLIENTS * COMMANDS_EACH);
            ledger.stop();
        } finally {
            postgres.destroy();
            postgres.waitFor();
            keepLogs(data.resolve("ledger").resolve("logs"));
        }
    }

    /**
     * run.sh's own PostgreSQL killed outright (SIGKILL to its postmaster) within a minute of its start, as in a crash
     * loop, so that run.sh's supervisor starts it again only after a pause (if it has run longer, it is killed once
     * first, started again at once, and killed again). While it is down both services say 503 within a few seconds, on
     * their health and on a command and a query that need the database, each with Retry-After; once it is back both
     * are healthy again and a command is recorded and shows on the query side, with no hand.
     */
    @Test
    void theSupervisorStartsAKilledPostgresAgainAndBothServicesRecover() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (PlanLedgerProcess ledger = new PlanLedgerProcess(data.resolve("supervised")).start()) {
            ProcessHandle first = ledger.postmaster().orElseThrow();
            ProcessHandle second = first;
            if (first.info().startInstant().orElseThrow().isBefore(Instant.now().minus(CRASH_LOOP_WITHIN))) {
                // Running steadily: killed, it is started again at once. Killed again once back, it is in a crash loop.
                first.destroyForcibly();
                Database database = ledger.embeddedDatabase(DatabaseRoles.fromEnvironment(System.getenv()).command());
                second = await().atMost(Duration.ofMinutes(1)).until(() -> ledger.postmaster()
                        .filter(postmaster -> postmaster.pid() != first.pid() && accepts(database)), Optional::isPresent)
                        .orElseThrow();
            }

            // Killed within a minute of its start, so the supervisor pauses before starting it again.
            List<ProcessHandle> serverProcesses = second.descendants().toList();
            second.destroyForcibly();
            long killed = System.nanoTime();
            // Its other processes end on their own once they see it gone; after that nothing answers for the database.
            await().atMost(Duration.ofSeconds(10)).until(() -> !PlanLedgerProcess.portOpen(ledger.databasePort)
                    && serverProcesses.stream().noneMatch(ProcessHandle::isAlive));
            long gone = System.nanoTime();
            // Each its own thread: the common pool may have just one on a small machine.
            ExecutorService probes = Executors.newFixedThreadPool(4);
            CompletableFuture<Long> commandHealth = CompletableFuture.supplyAsync(() ->
                    millisUntilUnavailable(ledger.commandUrl("/actuator/health"), gone), probes);
            CompletableFuture<Long> queryHealth = CompletableFuture.supplyAsync(() ->
                    millisUntilUnavailable(ledger.queryUrl("/actuator/health"), gone), probes);
            CompletableFuture<Timed> command = CompletableFuture.supplyAsync(() ->
                    Timed.of(() -> Action7.recordProgress(ledger, run + " while the database is down")), probes);
            CompletableFuture<Timed> query = CompletableFuture.supplyAsync(() ->
                    Timed.of(() -> Http.get(ledger.queryUrl("/api/plans/chronic-pain/status"))), probes);
            probes.shutdown();

            // Each check that needs the database gives up after 2 s: the command service's health has one, the query
            // service's two (the event store, and the projections' tokens and dead letters).
            assertThat(commandHealth.get()).as("ms from the database gone to the command service's health saying 503")
                    .isLessThan(6_000);
            assertThat(queryHealth.get()).as("ms from the database gone to the query service's health saying 503")
                    .isLessThan(8_000);
            for (Timed answer : List.of(command.get(), query.get())) {
                assertThat(answer.response().status()).isEqualTo(503);
                assertThat(answer.response().retryAfter()).isNotBlank();
                assertThat(answer.millis()).as("ms to answer while the database is down").isLessThan(6_000);
            }

            long killedPid = second.pid();
            ProcessHandle third = await().atMost(Duration.ofMinutes(2)).until(() -> ledger.postmaster()
                    .filter(postmaster -> postmaster.pid() != killedPid), Optional::isPresent).orElseThrow();
            long back = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            await().atMost(Duration.ofMinutes(2)).until(() -> Http.get(ledger.commandUrl("/actuator/health")).status() == 200
                    && Http.get(ledger.queryUrl("/actuator/health")).status() == 200);
            long healthy = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            assertThat(Action7.recordProgress(ledger, run + " after the restart").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> Action7.updatesInHistory(ledger, run + " after") == 1);
            System.out.printf("PostgreSQL killed under run.sh (postmasters %d, %d, %d): its processes all ended %d ms "
                            + "after the kill in the crash loop; then health 503 after %d ms (command service) and %d ms "
                            + "(query service), a command answered 503 in %d ms and a query in %d ms; PostgreSQL back %d ms "
                            + "after the kill, both services healthy after %d ms%n", first.pid(), second.pid(), third.pid(),
                    Duration.ofNanos(gone - killed).toMillis(), commandHealth.get(), queryHealth.get(),
                    command.get().millis(), query.get().millis(), back, healthy);
            assertThat(Action7.updatesInHistory(ledger, run + " while")).as("the command refused while down").isZero();

            // The supervisor itself killed outright: run.sh stops, and stops the PostgreSQL it leaves behind too, so
            // that no server runs unwatched and the next start finds its data directory free.
            ledger.service("local-postgres-exec.jar").destroyForcibly();
            assertThat(ledger.endsWithin(Duration.ofSeconds(60))).as("run.sh ends when a process of its own dies").isTrue();
            assertThat(third.isAlive()).as("the postmaster the supervisor had started").isFalse();
            assertThat(PlanLedgerProcess.portOpen(ledger.databasePort)).isFalse();
        } finally {
            keepLogs(data.resolve("supervised").resolve("logs"));
        }
    }

    /** Whether the database takes a connection and answers a query. */
    private static boolean accepts(Database database) {
        try (Connection connection = database.connect()) {
            return connection.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Polls {@code url} until it answers 503; the ms from {@code since} until then. */
    private static long millisUntilUnavailable(String url, long since) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Http.get(url).status() == 503);
        return Duration.ofNanos(System.nanoTime() - since).toMillis();
    }

    /** An answer and how long it took. */
    private record Timed(Http.Response response, long millis) {
        static Timed of(Supplier<Http.Response> request) {
            long sent = System.nanoTime();
            Http.Response response = request.get();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - sent).toMillis());
        }
    }

    /** The command's answer: its status, or what kind of failure left it unanswered. */
    private static String send(PlanLedgerProcess ledger, String summary) {
        try {
            return Integer.toString(Action7.recordProgress(ledger, summary).status());
        } catch (UncheckedIOException e) {
            return "no answer";
        }
    }

    /** The same PostgreSQL run.sh uses, as a process of its own on a fixed port and data folder. */
    private static Process startPostgres(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve("postgres.url"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PlanLedgerProcess.ROOT.resolve("local-postgres/target/local-postgres-exec.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()));
        builder.environment().put("PLAN_LEDGER_DATA_DIR", dataDir.toString());
        builder.environment().put("PLAN_LEDGER_DB_PORT", Integer.toString(port));
        Process process = builder.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(dataDir.resolve("postgres.url")) || !process.isAlive());
        assertThat(process.isAlive()).as("PostgreSQL started; see " + dataDir.resolve("postgres.log")).isTrue();
        return process;
    }

    /** The services' logs outlive the temporary folder, for reading what they said during the outage. */
    private static void keepLogs(Path logs) throws IOException {
        Path kept = Path.of("target", "postgres-restart-logs", Long.toString(System.currentTimeMillis()));
        Files.createDirectories(kept);
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
