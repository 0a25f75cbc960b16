package org.planledger.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.localpostgres.TestDatabase;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One event a projection cannot handle is parked, with the later events of its action behind it, and everything else
 * goes on; health names it; the secretariat retries or evicts it and health is UP again.
 */
@QueryServiceTest
class DeadLetterTest {

    private static final String SECRETARIAT = TestIdentities.basic("secretariat");

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TestDatabase database;

    private final String plan = "parked-" + UUID.randomUUID().toString().substring(0, 8);
    private final ActionRef poisoned = new ActionRef(plan, "2023-11", 1);
    private final ActionRef healthy = new ActionRef(plan, "2023-11", 2);

    @AfterEach
    void evictWhatIsLeft() {
        owner().sql("DROP TRIGGER IF EXISTS refuse_progress ON projections.change_log").update();
        owner().sql("DROP FUNCTION IF EXISTS projections.refuse_progress()").update();
        parked().forEach(letter -> http.delete().uri("/api/admin/dead-letters/{id}", letter.get("id"))
                .header(HttpHeaders.AUTHORIZATION, SECRETARIAT).exchange());
        await().atMost(Duration.ofSeconds(10)).until(() -> health().get("status").equals("UP"));
    }

    @Test
    void everyProjectionHasADeadLetterQueue() {
        assertThat(processing.eventProcessors().keySet()).isNotEmpty().allSatisfy(group ->
                assertThat(processing.deadLetterQueue(group)).as(group).isPresent());
    }

    @Test
    void parksAnEventASuperuserForgedAndGoesOnWithTheOthers() {
        publish();
        ledger.append(new ProgressRecorded(poisoned, "genuine", List.of()), "secretariat");
        awaitInChangeLog(poisoned, "genuine");

        // A superuser copies that event into the store with U+0000 in its summary, which PostgreSQL cannot hold as text.
        long poison = forgeCopyWithNul(poisoned);
        ledger.append(new ProgressRecorded(healthy, "goes on", List.of()), "secretariat");
        awaitInChangeLog(healthy, "goes on");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(parked())
                .extracting(letter -> letter.get("processingGroup") + "@" + letter.get("position"))
                .contains("change-log@" + poison, "plan-status@" + poison));
        Map<String, Object> health = health();
        assertThat(health.get("status")).isEqualTo("DEGRADED");
        http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
        // Ready all the same: the service answers, and ./run.sh and load balancers wait for readiness.
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(parkedInHealth(health, "change-log")).singleElement().satisfies(letter -> {
            assertThat(((Number) letter.get("position")).longValue()).isEqualTo(poison);
            assertThat((String) letter.get("error")).contains("SQLSTATE").doesNotContain("INSERT");
        });

        // The action's later events wait behind it; other actions' events still show at once.
        ledger.append(new ProgressRecorded(poisoned, "held up", List.of()), "secretariat");
        ledger.append(new ProgressRecorded(healthy, "still goes on", List.of()), "secretariat");
        awaitInChangeLog(healthy, "still goes on");
        await().atMost(Duration.ofSeconds(5)).until(() -> parked().stream()
                .filter(letter -> letter.get("processingGroup").equals("change-log")).count() == 2);
        assertThat(summaries(poisoned)).containsExactly("genuine");

        // Evicting the forgery lets its action go on once the rest of its sequence is retried.
        for (Map<String, Object> letter : parked()) {
            if (((Number) letter.get("position")).longValue() == poison) {
                http.delete().uri("/api/admin/dead-letters/{id}", letter.get("id")).header(HttpHeaders.AUTHORIZATION, SECRETARIAT)
                        .exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.evictedBy").isEqualTo("secretariat");
            }
        }
        for (Map<String, Object> letter : parked()) {
            http.post().uri("/api/admin/dead-letters/{id}/retry", letter.get("id")).header(HttpHeaders.AUTHORIZATION, SECRETARIAT)
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.stillParked").isEmpty();
        }
        assertThat(summaries(poisoned)).containsExactly("genuine", "held up");
        assertThat(health().get("status")).isEqualTo("UP");
        assertThat(evicted()).extracting(eviction -> ((Number) eviction.get("position")).longValue()).contains(poison, poison);
    }

    @Test
    void retriesAParkedEventOnceItsCauseIsFixed() {
        publish();
        // A fault that the change log's table raises for this one summary, as a bug in a projection would.
        owner().sql("""
                CREATE FUNCTION projections.refuse_progress() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.after->>'summary' = 'refused' THEN RAISE EXCEPTION 'injected refusal'; END IF;
                    RETURN NEW;
                END $$""").update();
        owner().sql("CREATE TRIGGER refuse_progress BEFORE INSERT ON projections.change_log FOR EACH ROW "
                + "EXECUTE FUNCTION projections.refuse_progress()").update();
        ledger.append(new ProgressRecorded(poisoned, "refused", List.of()), "secretariat");

        await().atMost(Duration.ofSeconds(10)).until(() -> parked().size() == 1);
        Map<String, Object> letter = parked().get(0);
        assertThat(letter.get("cause")).asString().contains("injected refusal");
        assertThat(health().get("status")).isEqualTo("DEGRADED");

        // Retried while the fault is still there: it stays parked, with the cause it failed with again.
        http.post().uri("/api/admin/dead-letters/{id}/retry", letter.get("id")).header(HttpHeaders.AUTHORIZATION, SECRETARIAT)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stillParked[0].id").isEqualTo(letter.get("id"));

        owner().sql("DROP TRIGGER refuse_progress ON projections.change_log").update();
        http.post().uri("/api/admin/dead-letters/{id}/retry", letter.get("id")).header(HttpHeaders.AUTHORIZATION, SECRETARIAT)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stillParked").isEmpty();
        assertThat(summaries(poisoned)).containsExactly("refused");
        assertThat(health().get("status")).isEqualTo("UP");
    }

    @Test
    void aReplayFinishesPastAParkedEventAndReportsIt() {
        publish();
        long poison = forgeCopyWithNul(poisoned);
        await().atMost(Duration.ofSeconds(10)).until(() -> parked().size() == 2);

        http.post().uri("/api/admin/replay").header(HttpHeaders.AUTHORIZATION, SECRETARIAT).exchange()
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get().uri("/api/admin/replay")
                .header(HttpHeaders.AUTHORIZATION, SECRETARIAT).exchange()
                .expectBody()
                .jsonPath("$.replaying").isEqualTo(false)
                .jsonPath("$.parked.length()").isEqualTo(2)
                .jsonPath("$.parked[0].position").isEqualTo(poison));
        http.get().uri("/api/plans/{plan}/versions/2023-11/actions/2", plan).exchange().expectStatus().isOk();
    }

    @Test
    void parksAnEventWhosePayloadOrMetadataCannotBeRead() {
        publish();
        long payload = forge(poisoned, "convert_to('{\"action\": [', 'UTF8')", "meta_data");
        long metadata = forge(healthy, "payload", "convert_to('not json at all', 'UTF8')");
        ledger.append(new ProgressRecorded(new ActionRef(plan, "2023-11", 3), "goes on", List.of()), "secretariat");
        awaitInChangeLog(new ActionRef(plan, "2023-11", 3), "goes on");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(parked())
                .extracting(letter -> letter.get("processingGroup") + "@" + letter.get("position"))
                .contains("change-log@" + payload, "change-log@" + metadata));
        // Public health names no Java exception; the secretariat's list says what Jackson said.
        assertThat(parkedInHealth(health(), "change-log")).extracting(letter -> (String) letter.get("error"))
                .allSatisfy(error -> assertThat(error).doesNotContain("Exception"));
        assertThat(parked()).extracting(letter -> (String) letter.get("cause")).anySatisfy(cause ->
                assertThat(cause).contains("Exception"));
    }

    @Test
    void onlyTheSecretariatSeesAndHandlesParkedEvents() {
        http.get().uri("/api/admin/dead-letters").exchange().expectStatus().isForbidden();
        http.delete().uri("/api/admin/dead-letters/{id}", UUID.randomUUID()).exchange().expectStatus().isForbidden();
        http.delete().uri("/api/admin/dead-letters/{id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, SECRETARIAT)
                .exchange().expectStatus().isNotFound();
        http.post().uri("/api/admin/dead-letters/{id}/retry", "not-a-letter").header(HttpHeaders.AUTHORIZATION, SECRETARIAT)
                .exchange().expectStatus().isBadRequest();
    }

    private void publish() {
        for (ActionRef action : List.of(poisoned, healthy)) {
            ledger.append(new ActionPublished(action, "A", "Action " + action.number(), null, Timeframe.SHORT, null,
                    ActionStatus.NOT_STARTED, List.of()), "secretariat");
        }
    }

    /** Inserts, as a database superuser would, a copy of the action's last event with this payload and metadata. */
    private long forge(ActionRef action, String payload, String metadata) {
        return superuser().sql("""
                        INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                               time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp,
                               'ProgressRecorded', '1', %s, %s
                        FROM events.domain_event_entry WHERE aggregate_identifier = ?
                        ORDER BY sequence_number DESC LIMIT 1
                        RETURNING global_index""".formatted(payload, metadata))
                .param(action.toString())
                .query(Long.class).single();
    }

    /** Inserts, as a database superuser would, a copy of the action's last event whose summary holds U+0000. */
    private long forgeCopyWithNul(ActionRef action) {
        return superuser().sql("""
                        INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                               time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp,
                               'ProgressRecorded', '1',
                               convert_to('{"action":"' || aggregate_identifier || '","summary":"a\\u0000b","evidence":[]}',
                                          'UTF8'),
                               meta_data
                        FROM events.domain_event_entry WHERE aggregate_identifier = ?
                        ORDER BY sequence_number DESC LIMIT 1
                        RETURNING global_index""")
                .param(action.toString())
                .query(Long.class).single();
    }

    /** The schema's owner, who may add a fault to a table: the service's own role may not change the schema. */
    private JdbcClient owner() {
        return JdbcClient.create(database.owner().dataSource());
    }

    /** The test server's administrator: neither service's role may write an event of its own making. */
    private JdbcClient superuser() {
        return JdbcClient.create(database.admin().dataSource());
    }

    private void awaitInChangeLog(ActionRef action, String summary) {
        await().atMost(Duration.ofSeconds(1)).until(() -> summaries(action).contains(summary));
    }

    private List<String> summaries(ActionRef action) {
        return jdbc.sql("""
                        SELECT after->>'summary' FROM change_log
                        WHERE plan_id = ? AND version_id = ? AND action_number = ? AND event_type = 'ProgressRecorded'
                        ORDER BY event_position""")
                .params(action.planId(), action.versionId(), action.number())
                .query(String.class).list();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parked() {
        return (List<Map<String, Object>>) admin().get("deadLetters");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> evicted() {
        return (List<Map<String, Object>>) admin().get("evicted");
    }

    private Map<String, Object> admin() {
        return http.get().uri("/api/admin/dead-letters").header(HttpHeaders.AUTHORIZATION, SECRETARIAT).exchange()
                .expectStatus().isOk().returnResult(Map.class).getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health() {
        return http.get().uri("/actuator/health/projections").exchange().returnResult(Map.class).getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parkedInHealth(Map<String, Object> health, String group) {
        Map<String, Object> processors = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("processors");
        return (List<Map<String, Object>>) ((Map<String, Object>) processors.get(group)).get("parked");
    }
}
