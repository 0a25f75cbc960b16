package org.planledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabases;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two whole Plan Ledgers (./run.sh twice: two command services, two query services) on one PostgreSQL, writing to
 * the same action at the same time. No acknowledged update is lost or doubled, and an Idempotency-Key used on one
 * command service is honoured by the other.
 */
class TwoCommandServicesIT {

    private static final int CLIENTS = 8;
    private static final int COMMANDS_EACH = 25;

    @TempDir
    Path data;

    @Test
    void concurrentWritersThroughTwoProcessesLoseNothingAndDoubleNothing() throws Exception {
        Database database = TestDatabases.create().admin();
        try (PlanLedgerProcess first = new PlanLedgerProcess(data.resolve("first"), database).start();
             PlanLedgerProcess second = new PlanLedgerProcess(data.resolve("second"), database).start()) {
            List<PlanLedgerProcess> services = List.of(first, second);
            String run = UUID.randomUUID().toString().substring(0, 8);
            // The first query service claimed every segment; it gives half of each projection's to the second.
            await().atMost(Duration.ofSeconds(60)).until(() -> Store.segmentOwners(database).values().stream()
                    .allMatch(owners -> owners.size() == 2 && owners.values().stream().allMatch(held -> held == 1)));
            Map<String, JsonNode> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
            List<Integer> refused = java.util.Collections.synchronizedList(new ArrayList<>());

            Clients.run(CLIENTS, COMMANDS_EACH, (c, i) -> {
                String summary = run + " client " + c + " update " + i;
                Http.Response response = Action7.recordProgress(services.get((c + i) % 2), summary);
                if (response.status() == 201) {
                    acknowledged.put(summary, response.body());
                } else {
                    refused.add(response.status());
                }
            });

            Map<String, Integer> stored = Store.progressOnAction7(database, run);
            System.out.printf("two command services: sent %d, acknowledged %d, refused %d (statuses %s), stored %d%n",
                    CLIENTS * COMMANDS_EACH, acknowledged.size(), refused.size(), new java.util.TreeSet<>(refused),
                    stored.size());
            assertThat(refused).as("commands not acknowledged").isEmpty();
            assertThat(stored.keySet()).as("acknowledged progress in the store").containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
            assertThat(stored.values()).as("copies of each").containsOnly(1);
            assertThat(sequenceGaps(database)).as("gaps in action 7's sequence numbers").isZero();

            // Each keyed command sent again, to the other service: the first answer, and nothing appended.
            for (String summary : acknowledged.keySet().stream().limit(20).toList()) {
                for (PlanLedgerProcess service : services) {
                    Http.Response repeat = Action7.recordProgress(service, summary);
                    assertThat(repeat.status()).isEqualTo(201);
                    assertThat(repeat.body()).isEqualTo(acknowledged.get(summary));
                }
            }
            assertThat(Store.progressOnAction7(database, run)).isEqualTo(stored);

            // The two query services, a segment of each projection apiece, projected every event exactly once.
            await().atMost(Duration.ofSeconds(60)).until(() -> Store.eventsMissingFromChangeLog(database) == 0);
            int inHistory = await().atMost(Duration.ofSeconds(60)).until(() -> Action7.updatesInHistory(first, run),
                    count -> count >= stored.size());
            Map<String, Map<String, Integer>> owners = Store.segmentOwners(database);
            System.out.printf("two query services: segments held %s; events missing from the change log 0; "
                    + "updates of this run in action 7's history %d of %d stored%n", owners, inHistory, stored.size());
            assertThat(inHistory).isEqualTo(stored.size());
            assertThat(Action7.updatesInHistory(second, run)).isEqualTo(stored.size());
            first.stop();
            second.stop();
        }
    }

    private static long sequenceGaps(Database database) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT max(sequence_number) + 1 - count(*) FROM events.domain_event_entry
                      WHERE aggregate_identifier = 'chronic-pain/2023-11/7'""");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
