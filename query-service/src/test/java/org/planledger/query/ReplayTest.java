package org.planledger.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.ChairAppointed;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MemberAdded;
import org.planledger.events.MinuteItem;
import org.planledger.events.MinutesAmended;
import org.planledger.events.MinutesApproved;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.Person;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.query.body.BodyProjection;
import org.planledger.web.security.TestIdentities;
import org.planledger.query.changes.ChangeLogProjection;
import org.planledger.query.status.PlanStatusProjection;
import org.planledger.web.PublicUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read models are a function of the event store: rebuilding them gives the same rows, and so does a repeat. */
@QueryServiceTest
class ReplayTest {

    /** Every read-model table, with the order that makes a row-by-row comparison meaningful. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("plan_version", "plan_id, version_id"),
            Map.entry("plan_aim", "plan_id, version_id, code"),
            Map.entry("action_status", "plan_id, version_id, number"),
            Map.entry("action_lineage", "earlier, later"),
            Map.entry("change_log", "event_position"),
            Map.entry("body", "body_id"),
            Map.entry("body_role", "started_position, person_id"),
            Map.entry("meeting", "meeting_id"),
            Map.entry("minutes_revision", "event_position"),
            Map.entry("decision", "decision_id"),
            Map.entry("action_fact", "event_position"),
            Map.entry("action_state_interval", "plan_id, version_id, number, known_from, valid_from"));
    private static final List<String> PROCESSORS = List.of(PlanStatusProjection.PROCESSING_GROUP,
            ChangeLogProjection.PROCESSING_GROUP, BodyProjection.PROCESSING_GROUP);

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PublicUrl site;
    @Autowired
    PlanStatusProjection statusProjection;
    @Autowired
    ChangeLogProjection changeLogProjection;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aFullReplayRebuildsTheReadModelsRowForRow() {
        String plan = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        appendAPlanWithHistory(plan);
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> live = readModels();
        assertThat(live).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        http.post().uri("/api/admin/replay").header(HttpHeaders.AUTHORIZATION, TestIdentities.basic("secretariat")).exchange()
                .expectStatus().isAccepted()
                .expectHeader().location(site.origin() + "/api/admin/replay");
        awaitCaughtUp();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/admin/replay")
                .header(HttpHeaders.AUTHORIZATION, TestIdentities.basic("secretariat")).exchange()
                .expectBody().jsonPath("$.replaying").isEqualTo(false));

        assertThat(readModels()).isEqualTo(live);
    }

    @Test
    void answers503WhileTheReadModelsAreBeingRebuilt() {
        String plan = "rebuilding-" + UUID.randomUUID().toString().substring(0, 8);
        appendAPlanWithHistory(plan);
        awaitCaughtUp();
        // Reset but not restarted: the rebuild cannot finish, so the test sees it in progress.
        StreamingEventProcessor status = processor(PlanStatusProjection.PROCESSING_GROUP);
        status.shutDown();
        status.resetTokens();
        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> http.get().uri("/api/plans/{plan}/status", plan)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo("the read models are being rebuilt from the event store; try again shortly"));
            // Not ready meanwhile, so load balancers (and run.sh) wait for the rebuild to finish.
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.readModels.status").isEqualTo("OUT_OF_SERVICE");
            http.get().uri("/api/admin/replay").header(HttpHeaders.AUTHORIZATION, TestIdentities.basic("secretariat")).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.replaying").isEqualTo(true)
                    .jsonPath("$.unfinished['plan-status']").value(Map.class, progress -> assertThat(
                            ((Number) progress.get("reached")).longValue()).isLessThan(((Number) progress.get("target")).longValue()));
        } finally {
            status.start();
        }
        awaitCaughtUp();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/plans/{plan}/status", plan)
                .exchange().expectStatus().isOk());
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void stopsAndStartsThisInstancesProcessorsOnRequest() {
        appendAPlanWithHistory("stopping-" + UUID.randomUUID().toString().substring(0, 8));
        awaitCaughtUp();
        String secretariat = TestIdentities.basic("secretariat");
        http.post().uri("/api/admin/processors/stop").header(HttpHeaders.AUTHORIZATION, secretariat).exchange()
                .expectStatus().isNoContent();
        try {
            assertThat(PROCESSORS).allSatisfy(name -> assertThat(processor(name).isRunning()).as(name).isFalse());
        } finally {
            http.post().uri("/api/admin/processors/start").header(HttpHeaders.AUTHORIZATION, secretariat).exchange()
                    .expectStatus().isNoContent();
        }
        assertThat(PROCESSORS).allSatisfy(name -> assertThat(processor(name).isRunning()).as(name).isTrue());
        awaitCaughtUp();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String plan = "redelivery-" + UUID.randomUUID().toString().substring(0, 8);
        ActionRef action = new ActionRef(plan, "2023-11", 1);
        long position = 1_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
        var published = tracked(position, action, 0, new ActionPublished(action, "A", "Action", null, Timeframe.SHORT,
                null, ActionStatus.NOT_STARTED, List.of()));
        var progress = tracked(position + 1, action, 1, new ProgressRecorded(action, "once", List.of()));
        var status = tracked(position + 2, action, 2, new ActionStatusChanged(action, ActionStatus.NOT_STARTED, ActionStatus.AT_RISK));

        // Delivered one by one, each in its own unit of work; then again, the three in one batch, as a replay would.
        for (var event : List.of(published, progress, status)) {
            deliver(List.of(event));
        }
        deliver(List.of(published, progress, status));

        assertThat(jdbc.sql("SELECT count(*) FROM change_log WHERE plan_id = ?").param(plan).query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT status, version, last_event_position FROM action_status WHERE plan_id = ?").param(plan)
                .query().singleRow())
                .containsEntry("status", "AT_RISK").containsEntry("version", 2L).containsEntry("last_event_position", position + 2);
    }

    /** Hands the events to both projections in one transaction and unit of work, as a processor hands a batch. */
    private void deliver(List<? extends EventMessage<?>> events) {
        transaction.executeWithoutResult(tx -> new BatchingUnitOfWork<>(events).execute(() -> {
            EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            try {
                new AnnotationEventHandlerAdapter(statusProjection).handle(event);
                new AnnotationEventHandlerAdapter(changeLogProjection).handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private GenericTrackedDomainEventMessage<?> tracked(long position, ActionRef action, long sequence, Object payload) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Action", action.toString(), sequence, payload,
                        MetaData.with("actor", "tester").and("recordedAt", "2024-01-01T10:00:00Z").and("effectiveOn", "2024-01-01")));
    }

    private void appendAPlanWithHistory(String plan) {
        String body = plan + "-group";
        Person chair = new Person("p-1", "First Chair");
        ledger.append(new BodyEstablished(body, BodyKind.SHORT_LIFE_WORKING_GROUP, "Group", "remit", "A", LocalDate.of(2022, 10, 1)),
                "secretariat", LocalDate.of(2022, 10, 1), Map.of());
        ledger.append(new ChairAppointed(body, chair, null), "secretariat");
        ledger.append(new ChairAppointed(body, new Person("p-2", "Second Chair"), chair), "secretariat");
        ledger.append(new MemberAdded(body, new Person("p-3", "Member")), "secretariat");
        ledger.append(new MeetingScheduled(plan + "-m1", body, LocalDate.of(2024, 1, 15), "January"), "secretariat");
        ledger.append(new MinutesDrafted(plan + "-m1", List.of(new MinuteItem(1, "h", "draft"))), "secretariat");
        ledger.append(new MinutesApproved(plan + "-m1", plan + "-m2"), "secretariat");
        ledger.append(new MinutesAmended(plan + "-m1", List.of(new MinuteItem(1, "h", "amended"))), "secretariat", null,
                Map.of("reason", "typo"));
        ledger.append(new PlanVersionPublished(plan, "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(new Aim("A", "Person Centred Care", "s"))), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        for (int n = 1; n <= 6; n++) {
            ActionRef action = new ActionRef(plan, "2023-11", n);
            ledger.append(new ActionPublished(action, "A", "Action " + n, "what", Timeframe.LONG, null,
                    ActionStatus.NOT_STARTED, List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
            ledger.append(new ProgressRecorded(action, "step " + n, List.of("https://example.org/" + n)), "chair",
                    LocalDate.of(2024, 1, n), Map.of("decisionId", "TF-" + n));
            ledger.append(new ActionStatusChanged(action, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS), "chair");
            ledger.append(new OwnerReassigned(action, null, "slwg-a"), "secretariat", null,
                    Map.of("reason", "handover " + n, "decisionId", "TF-9"));
            // Back-dated behind the changes above: a replay refolds this action's facts in the middle of a batch.
            ledger.append(new ProgressRecorded(action, "late report " + n, List.of()), "chair",
                    LocalDate.of(2024, 6, n), Map.of());
        }
        ledger.append(new DecisionRecorded(plan + "-D1", plan + "-m1", "decided", List.of(new ActionRef(plan, "2023-11", 1))),
                "secretariat");
        ActionRef later = new ActionRef(plan, "2025-01", 1);
        ledger.append(new ActionPublished(later, "A", "Later", null, Timeframe.SHORT, null, ActionStatus.IN_PROGRESS,
                List.of(new ActionRef(plan, "2023-11", 2))), "secretariat");
        ledger.append(new ActionCarriedForward(new ActionRef(plan, "2023-11", 2), List.of(later)), "secretariat");
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        return TABLES.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, table ->
                jdbc.sql("SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue()).query().listOfRows().stream()
                        .map(ReplayTest::comparable).toList()));
    }

    /** JDBC arrays compare by identity; their contents are what matter. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> {
            try {
                copy.put(column, value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return copy;
    }

    private void awaitCaughtUp() {
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM events.domain_event_entry").query(Long.class).single();
        // Axon flags a segment as replaying until it passes the reset position, so the test waits on positions.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PROCESSORS.stream()
                        .map(this::processor)
                        .allMatch(processor -> processor.isRunning() && !processor.processingStatus().isEmpty()
                                && processor.processingStatus().values().stream().allMatch(segment ->
                                segment.isCaughtUp() && segment.getCurrentPosition().orElse(-1) >= head)));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

}
