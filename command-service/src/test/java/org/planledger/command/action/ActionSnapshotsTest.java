package org.planledger.command.action;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.planledger.localpostgres.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An action with many updates is loaded from its snapshot, and behaves exactly as if rebuilt from every event; an
 * action kept in memory that another command service changed meanwhile is loaded afresh, and nothing is lost.
 */
@CommandServiceTest
class ActionSnapshotsTest {

    @Autowired
    RestTestClient http;
    @Autowired
    Governance governance;
    @Autowired
    StoredEvents stored;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cache actionCache;
    @Autowired
    TestDatabase database;

    @Test
    void anActionPastTheThresholdIsSnapshottedAndItsStateSurvivesTheSnapshot() {
        String plan = governance.plan("snap", 1, null);
        String action = "/api/plans/" + plan + "/versions/2023-11/actions/1";
        progress(action, "{\"summary\": \"at risk\", \"status\": \"AT_RISK\"}");
        for (int i = 0; i < 110; i++) {
            progress(action, "{\"summary\": \"update " + i + "\"}");
        }
        String aggregate = plan + "/2023-11/1";
        assertThat(jdbc.sql("SELECT max(sequence_number) FROM events.snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(aggregate).query(Long.class).optional()).hasValueSatisfying(sequence ->
                assertThat(sequence).isGreaterThanOrEqualTo(99));

        actionCache.removeAll(); // loaded afresh: from the snapshot and the events after it
        // The status the snapshot carries is what the rules see: setting it again changes nothing...
        progress(action, "{\"summary\": \"still at risk\", \"status\": \"AT_RISK\"}");
        // ...and a different one is a change from it, recorded with the right before.
        progress(action, "{\"summary\": \"back on track\", \"status\": \"IN_PROGRESS\"}");
        var statusChanges = stored.under(aggregate).stream().filter(event -> event.type().equals("ActionStatusChanged"))
                .toList();
        assertThat(statusChanges).hasSize(2);
        assertThat(statusChanges.get(1).payload()).containsEntry("from", "AT_RISK").containsEntry("to", "IN_PROGRESS");
        // Versions continue across the snapshot: one event per update, plus the two status changes, after publication.
        assertThat(stored.under(aggregate)).hasSize(1 + 113 + 2);
    }

    @Test
    void aSnapshotOfAnOlderShapeIsIgnoredAndTheActionIsLoadedFromItsEvents() {
        String plan = governance.plan("snap-old", 1, null);
        String action = "/api/plans/" + plan + "/versions/2023-11/actions/1";
        for (int i = 0; i < 101; i++) {
            progress(action, "{\"summary\": \"update " + i + "\"}");
        }
        String aggregate = plan + "/2023-11/1";
        // A snapshot written by an older Action: were it read, the action would be completed and refuse progress.
        // The service's own role may not change a snapshot; the schema's owner may.
        int changed = JdbcClient.create(database.owner().dataSource()).sql("""
                        UPDATE events.snapshot_event_entry SET payload_revision = '0',
                               payload = convert_to(replace(convert_from(payload, 'UTF8'), 'NOT_STARTED', 'COMPLETED'), 'UTF8')
                         WHERE aggregate_identifier = ?""").param(aggregate).update();
        assertThat(changed).isEqualTo(1);

        actionCache.removeAll(); // so that the action is loaded from the store, where the doctored snapshot is
        progress(action, "{\"summary\": \"one more\"}");
    }

    @Test
    void anActionAnotherCommandServiceChangedMeanwhileIsLoadedAfreshAndTheCommandIsStoredOnce() {
        String plan = governance.plan("stale", 1, null);
        String action = "/api/plans/" + plan + "/versions/2023-11/actions/1";
        String aggregate = plan + "/2023-11/1";
        progress(action, "{\"summary\": \"first\"}");
        assertThat(actionCache.containsKey(aggregate)).as("the action is kept in memory").isTrue();

        // Another command service appends to the same action: the event store now holds one event the cache lacks.
        int appended = jdbc.sql("""
                        INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                               type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                          FROM events.domain_event_entry WHERE aggregate_identifier = ?
                         ORDER BY sequence_number DESC LIMIT 1""").param(aggregate).update();
        assertThat(appended).isEqualTo(1);

        // The cached action's event takes a sequence number already stored; refused, it is sent again against the
        // action loaded afresh, and lands after the other service's.
        progress(action, "{\"summary\": \"after the other service\"}");
        var events = stored.under(aggregate);
        assertThat(events).extracting(StoredEvents.Stored::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events.get(3).payload()).containsEntry("summary", "after the other service");
    }

    private void progress(String action, String json) {
        http.post().uri(action + "/progress").header("Content-Type", "application/json").body(json).exchange()
                .expectStatus().isCreated();
    }
}
