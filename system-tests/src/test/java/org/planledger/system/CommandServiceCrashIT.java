package org.planledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabases;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the command service in the middle of a load of keyed commands, then a restart and the unanswered
 * commands sent again with their keys: every acknowledged command is in the store exactly once, and so is every
 * command sent again, whether or not its first attempt had committed before the kill.
 */
class CommandServiceCrashIT {

    private static final int CLIENTS = 8;
    private static final int COMMANDS_EACH = 60;
    private static final int KILL_AFTER = 150;

    @TempDir
    Path data;

    @Test
    void nothingAcknowledgedIsLostOrDoubledWhenTheCommandServiceIsKilled() throws Exception {
        Database database = TestDatabases.create().admin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        Map<String, Integer> refused = new ConcurrentHashMap<>();

        try (PlanLedgerProcess ledger = new PlanLedgerProcess(data.resolve("before"), database).start()) {
            ProcessHandle commandService = ledger.service("command-service.jar");
            Clients clients = Clients.start(CLIENTS, COMMANDS_EACH, (c, i) -> {
                String summary = run + " client " + c + " update " + i;
                try {
                    Http.Response response = Action7.recordProgress(ledger, summary);
                    if (response.status() == 201) {
                        acknowledged.put(summary, 1);
                    } else {
                        refused.put(summary, response.status());
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    unanswered.add(summary);
                }
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= KILL_AFTER);
            commandService.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful close
            clients.awaitAll();
            ledger.stop(); // run.sh has seen its child die and is stopping the rest
        }
        int acknowledgedBeforeKill = acknowledged.size();
        int sent = CLIENTS * COMMANDS_EACH;
        assertThat(acknowledgedBeforeKill + unanswered.size() + refused.size()).isEqualTo(sent);
        assertThat(refused).as("commands refused before the kill").isEmpty();

        int replayed = 0;
        try (PlanLedgerProcess restarted = new PlanLedgerProcess(data.resolve("after"), database).start()) {
            for (String summary : unanswered) {
                Http.Response retry = Action7.recordProgress(restarted, summary);
                assertThat(retry.status()).as("retry of " + summary).isEqualTo(201);
                replayed += retry.replayed() ? 1 : 0;
                acknowledged.put(summary, 1);
            }
            restarted.stop();
        }

        Map<String, Integer> stored = Store.progressOnAction7(database, run);
        Set<String> lost = new HashSet<>(acknowledged.keySet());
        lost.removeAll(stored.keySet());
        long duplicates = stored.values().stream().filter(copies -> copies > 1).count();
        System.out.printf("command service killed: sent %d, acknowledged before the kill %d, unanswered %d "
                        + "(of which committed before the kill %d), acknowledged after retry %d, found %d, lost %d, "
                        + "duplicates %d%n", sent, acknowledgedBeforeKill, unanswered.size(), replayed,
                acknowledged.size(), stored.size(), lost.size(), duplicates);
        assertThat(lost).as("acknowledged but not stored").isEmpty();
        assertThat(duplicates).as("stored more than once").isZero();
        assertThat(stored.keySet()).as("stored but never acknowledged").isEqualTo(acknowledged.keySet());
    }
}
