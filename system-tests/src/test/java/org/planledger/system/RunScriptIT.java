package org.planledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user gets from {@code ./run.sh} on a machine with only a JDK: an embedded PostgreSQL and both services as
 * separate processes, the real plan imported, commands that show up on the query side, a clean stop, and a restart
 * that keeps every event exactly once.
 */
class RunScriptIT {

    private static final int ROUND_TRIPS = 20;

    @TempDir
    Path data;

    @Test
    void runsTheRealPlanEndToEndAndKeepsItAcrossARestart() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<Long> latencies = new ArrayList<>();
        long eventsBeforeRestart;
        JsonNode firstAnswer;

        try (PlanLedgerProcess ledger = new PlanLedgerProcess(data).start()) {
            System.out.printf("run.sh first start (embedded PostgreSQL initialised, plan imported): %d ms%n",
                    ledger.startup().toMillis());

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

        try (PlanLedgerProcess ledger = new PlanLedgerProcess(data).start()) {
            System.out.printf("run.sh restart on the same data: %d ms%n", ledger.startup().toMillis());

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
