package org.planledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabases;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the query service in the middle of a replay: after a restart the replay carries on from the tokens it
 * had stored, and the read models end exactly as they were before the replay and as a clean replay leaves them.
 */
class QueryServiceCrashIT {

    private static final String ACTION = "/api/plans/chronic-pain/versions/2023-11/actions/";
    private static final int CLIENTS = 8;
    private static final int COMMANDS_EACH = 400;

    @TempDir
    Path data;

    @Test
    void aReplayKilledHalfwayResumesAndEndsAsACleanReplay() throws Exception {
        Database database = TestDatabases.create().admin();
        Map<String, String> live;
        long target;
        long reachedAtKill;
        try (PlanLedgerProcess ledger = new PlanLedgerProcess(data.resolve("first"), database).start()) {
            record(ledger);
            await().atMost(Duration.ofMinutes(2)).until(() -> caughtUp(ledger));
            live = Store.readModels(database);

            assertThat(Http.post(ledger.queryUrl("/api/admin/replay"), "").status()).isEqualTo(202);
            JsonNode status = await().atMost(Duration.ofMinutes(1)).until(() -> replay(ledger),
                    replay -> reachedOver(replay, 0.3));
            target = status.at("/unfinished/plan-status/target").asLong();
            ProcessHandle queryService = ledger.service("query-service.jar");
            queryService.destroyForcibly();
            reachedAtKill = status.at("/unfinished/plan-status/reached").asLong();
            ledger.stop();
        }
        Map<String, String> resumed;
        Map<String, String> clean;
        long startedAgain = System.nanoTime();
        try (PlanLedgerProcess restarted = new PlanLedgerProcess(data.resolve("second"), database).start()) {
            // run.sh waits for the read models, so it is running once the interrupted replay has finished.
            Duration toFinish = Duration.ofNanos(System.nanoTime() - startedAgain);
            assertThat(replay(restarted).get("replaying").asBoolean()).isFalse();
            resumed = Store.readModels(database);

            assertThat(Http.post(restarted.queryUrl("/api/admin/replay"), "").status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).until(() -> !replay(restarted).get("replaying").asBoolean());
            clean = Store.readModels(database);
            System.out.printf("query service killed mid-replay: events %d, plan-status had reached %d at the kill; "
                    + "restart and rest of the replay took %d s; read-model tables %d, equal to live %s, equal to a "
                    + "clean replay %s%n", target, reachedAtKill, toFinish.toSeconds(), live.size(), resumed.equals(live),
                    resumed.equals(clean));
            restarted.stop();
        }
        assertThat(resumed).as("read models after the resumed replay, against before it").isEqualTo(live);
        assertThat(resumed).as("read models after the resumed replay, against a clean replay").isEqualTo(clean);
    }

    /** Enough progress updates over all 18 actions that a replay takes some seconds. */
    private static void record(PlanLedgerProcess ledger) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Clients.run(CLIENTS, COMMANDS_EACH, (c, i) -> {
            int action = 1 + (c * COMMANDS_EACH + i) % 18;
            Http.Response response = Http.post(ledger.commandUrl(ACTION + action + "/progress"),
                    "{\"summary\": \"" + run + " client " + c + " update " + i + "\"}");
            assertThat(response.status()).isEqualTo(201);
        });
    }

    private static boolean caughtUp(PlanLedgerProcess ledger) {
        JsonNode history = Http.get(ledger.queryUrl(ACTION + "18/history")).body();
        return history != null && history.get("changes") != null
                && history.get("changes").size() >= 1 + CLIENTS * COMMANDS_EACH / 18;
    }

    private static JsonNode replay(PlanLedgerProcess ledger) {
        return Http.getAs("secretariat", ledger.queryUrl("/api/admin/replay")).body();
    }

    /** Whether the slowest projection has replayed more than {@code share} of the events, and not finished. */
    private static boolean reachedOver(JsonNode replay, double share) {
        JsonNode planStatus = replay.at("/unfinished/plan-status");
        return !planStatus.isMissingNode()
                && planStatus.get("reached").asLong() > share * planStatus.get("target").asLong();
    }
}
