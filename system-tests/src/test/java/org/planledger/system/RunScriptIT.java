package org.planledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.localpostgres.DatabaseRoles;
import org.planledger.localpostgres.LocalPostgres;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user gets from the README's two commands on a machine with only a JDK: {@code git clone} (of this checkout's
 * HEAD, see {@link PlanLedgerProcess#cloneOfHead}) and {@code ./run.sh} there, which builds Plan Ledger, then runs
 * an embedded, durable PostgreSQL and both services as separate processes, each logged in as its own role; the real
 * plan imported, the README's examples answered, commands that show up on the query side, a clean stop, and a
 * restart that keeps every event exactly once.
 */
class RunScriptIT {

    private static final int ROUND_TRIPS = 20;

    @TempDir
    Path temporary;

    @Test
    void runsTheRealPlanEndToEndFromACleanCloneAndKeepsItAcrossARestart() throws Exception {
        Path clone = PlanLedgerProcess.cloneOfHead(temporary.resolve("plan-ledger"));
        Path data = temporary.resolve("data");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<Long> latencies = new ArrayList<>();
        long eventsBeforeRestart;
        JsonNode firstAnswer;

        try (PlanLedgerProcess ledger = new PlanLedgerProcess(clone, data, null).start()) {
            System.out.printf("run.sh first start in a clean clone (build, embedded PostgreSQL initialised, plan "
                    + "imported): %d ms%n", ledger.startup().toMillis());
            assertDurableAndLoggedInAsTheServicesRoles(ledger);
            answersTheReadmesExamples(ledger);

            JsonNode status = Http.get(ledger.queryUrl("/api/plans/chronic-pain/status")).body();
            assertThat(status.at("/version/versionId").asString()).isEqualTo("2023-11");
            List<JsonNode> actions = actions(status);
            assertThat(actions).hasSize(18);
            assertThat(actions.stream().map(action -> action.get("timeframe").asString().substring(0, 1)))
                    .containsExactly("L", "M", "M", "L", "M", "L", "M", "S", "M", "M", "M", "M", "L", "S", "M", "S", "S", "M");

            for (int i = 1; i <= ROUND_TRIPS; i++) {
                latencies.add(postProgressAndAwaitHistory(ledger, marker + " step " + i));
            }
            Http.Response keyed = Http.post(ledger.commandUrl(Action7.PATH + "/progress"),
                    "{\"summary\": \"" + marker + " keyed\"}", Map.of("Idempotency-Key", marker));
            assertThat(keyed.status()).isEqualTo(201);
            firstAnswer = keyed.body();
            eventsBeforeRestart = headPosition(ledger);

            List<ProcessHandle> started = ledger.children();
            assertThat(ledger.stop()).as("run.sh exit status after SIGTERM").isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(PlanLedgerProcess.portOpen(ledger.databasePort)).as("PostgreSQL port still open").isFalse();
            assertThat(PlanLedgerProcess.portOpen(ledger.commandPort)).isFalse();
            assertThat(PlanLedgerProcess.portOpen(ledger.queryPort)).isFalse();
        }

        try (PlanLedgerProcess ledger = new PlanLedgerProcess(clone, data, null).start()) {
            System.out.printf("run.sh restart on the same data (the jars it built kept): %d ms%n",
                    ledger.startup().toMillis());

            assertThat(headPosition(ledger)).as("events after restart (the import must add nothing)")
                    .isEqualTo(eventsBeforeRestart);
            Http.Response repeated = Http.post(ledger.commandUrl(Action7.PATH + "/progress"),
                    "{\"summary\": \"" + marker + " keyed\"}", Map.of("Idempotency-Key", marker));
            assertThat(repeated.status()).isEqualTo(201);
            assertThat(repeated.body()).as("the first answer, after a restart").isEqualTo(firstAnswer);
            assertThat(headPosition(ledger)).as("events after repeating a keyed command").isEqualTo(eventsBeforeRestart);
            JsonNode history = Http.get(ledger.queryUrl(Action7.PATH + "/history")).body();
            for (int i = 1; i <= ROUND_TRIPS; i++) {
                String summary = marker + " step " + i;
                assertThat(StreamSupport.stream(history.get("changes").spliterator(), false)
                        .filter(change -> summary.equals(change.at("/after/summary").asString(null))).count())
                        .as(summary).isEqualTo(1);
            }
            ledger.stop();
        }

        Collections.sort(latencies);
        long median = latencies.get(latencies.size() / 2);
        long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
        System.out.printf("command-to-history latency over %d progress POSTs: median %d ms, p95 %d ms, max %d ms%n",
                latencies.size(), median, p95, latencies.get(latencies.size() - 1));
        assertThat(median).as("median ms from progress POST to history").isLessThan(1000);
    }

    /**
     * The embedded PostgreSQL makes every commit durable, as the services' own sessions see it, and the services are
     * connected as their own roles, never as the superuser.
     */
    private static void assertDurableAndLoggedInAsTheServicesRoles(PlanLedgerProcess ledger) throws Exception {
        DatabaseRoles roles = DatabaseRoles.fromEnvironment(System.getenv());
        try (Connection connection = ledger.embeddedDatabase(roles.command()).connect();
             Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
        // As the superuser, who sees every session's kind (the embedded cluster trusts local connections).
        try (Connection connection = ledger.embeddedDatabase(new DatabaseRoles.Login(LocalPostgres.USER, "")).connect();
             Statement statement = connection.createStatement()) {
            Set<String> users = new TreeSet<>();
            try (ResultSet sessions = statement.executeQuery("""
                    SELECT usename FROM pg_stat_activity
                     WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()""")) {
                while (sessions.next()) {
                    users.add(sessions.getString(1));
                }
            }
            assertThat(users).as("who the services are connected as").containsExactlyInAnyOrder(roles.command().role(),
                    roles.query().role());
        }
    }

    /** The README's examples under "Run it", as curl sends them. */
    private static void answersTheReadmesExamples(PlanLedgerProcess ledger) {
        Http.BytesResponse report = Http.getBytes(
                ledger.queryUrl("/api/plans/chronic-pain/report?asOf=2024-01-31&format=pdf"), "Ledger-Position");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/pdf");
        Http.Response progress = Http.post(ledger.commandUrl(Action7.PATH + "/progress"),
                "{\"summary\": \"Digital pathway live in two more boards\", \"status\": \"IN_PROGRESS\"}",
                Map.of("Idempotency-Key", "2024-03-01-action-7"));
        assertThat(progress.status()).isEqualTo(201);
        assertThat(Http.get(ledger.queryUrl(Action7.PATH + "/history")).status()).isEqualTo(200);
        assertThat(Http.getAs("auditor", ledger.queryUrl("/api/audit?actor=secretariat")).status()).isEqualTo(200);
    }

    /** Posts progress on action 7 and measures how long until its history shows it. */
    private static long postProgressAndAwaitHistory(PlanLedgerProcess ledger, String summary) {
        long sent = System.nanoTime();
        Http.Response posted = Http.post(ledger.commandUrl(Action7.PATH + "/progress"), "{\"summary\": \"" + summary + "\"}");
        assertThat(posted.status()).as(posted.body() == null ? "no body" : posted.body().toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> Http.get(ledger.queryUrl(Action7.PATH + "/history")).body().toString().contains(summary));
        return Duration.ofNanos(System.nanoTime() - sent).toMillis();
    }

    private static long headPosition(PlanLedgerProcess ledger) {
        return Http.get(ledger.commandUrl("/actuator/health")).body().at("/components/eventStore/details/headPosition").asLong();
    }

    private static List<JsonNode> actions(JsonNode status) {
        List<JsonNode> actions = new ArrayList<>();
        status.get("aims").forEach(aim -> aim.get("actions").forEach(actions::add));
        return actions;
    }
}
