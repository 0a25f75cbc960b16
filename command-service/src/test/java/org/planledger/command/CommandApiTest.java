package org.planledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceTest
class CommandApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RestTestClient http;
    @Autowired
    StoredEvents stored;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    Governance governance;

    @Test
    void publishesAVersionAndThenEachOfItsActionsWithTheirMetadata() {
        String plan = newPlanId();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Map<String, Object> answer = http.post().uri("/api/plans/{plan}/versions", plan)
                .contentType(MediaType.APPLICATION_JSON).header("X-Correlation-Id", "publication-test")
                .body(version("2023-11", 3))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        List<StoredEvents.Stored> events = stored.under(plan + "/2023-11");
        assertThat(answer).containsEntry("planVersion", plan + "/2023-11").containsEntry("actions", 3);
        assertThat(events).extracting(StoredEvents.Stored::type)
                .containsExactly("PlanVersionPublished", "ActionPublished", "ActionPublished", "ActionPublished");
        assertThat(events).extracting(StoredEvents.Stored::aggregate)
                .containsExactly(plan + "/2023-11", plan + "/2023-11/1", plan + "/2023-11/2", plan + "/2023-11/3");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.metadata())
                    .containsEntry("actor", "secretariat")
                    .containsEntry("commandId", answer.get("commandId"))
                    .containsEntry("correlationId", "publication-test")
                    .containsEntry("effectiveOn", "2023-11-01")
                    .doesNotContainKeys("reason", "decisionId");
            assertThat(Instant.parse((String) event.metadata().get("recordedAt"))).isBetween(before, Instant.now());
        });
    }

    @Test
    void recordsProgressWithItsDecisionAndEffectiveDateAndAnswersWithTheNewVersion() {
        String plan = publishedPlan();
        String decision = governance.decision(governance.meeting(governance.body("TASK_FORCE"), LocalDate.of(2024, 2, 1)),
                plan + "/2023-11/2");

        Map<String, Object> answer = http.post().uri("/api/plans/{plan}/versions/2023-11/actions/2/progress", plan)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"summary": "Knowledge hub live on TURAS", "status": "IN_PROGRESS", "effectiveOn": "2024-03-01",
                         "evidence": ["https://example.org/hub"], "decisionId": "%s"}""".formatted(decision))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        List<StoredEvents.Stored> events = stored.under(plan + "/2023-11/2");
        assertThat(answer).containsEntry("action", plan + "/2023-11/2").containsEntry("version", 2);
        assertThat(events).extracting(StoredEvents.Stored::type)
                .containsExactly("ActionPublished", "ProgressRecorded", "ActionStatusChanged");
        assertThat(events.get(1).payload()).containsEntry("summary", "Knowledge hub live on TURAS")
                .containsEntry("evidence", List.of("https://example.org/hub"));
        assertThat(events.get(2).payload()).containsEntry("from", "NOT_STARTED").containsEntry("to", "IN_PROGRESS");
        assertThat(events.subList(1, 3)).allSatisfy(event -> assertThat(event.metadata())
                .containsEntry("decisionId", decision)
                .containsEntry("effectiveOn", "2024-03-01")
                .containsEntry("actor", "secretariat")
                .containsEntry("commandId", answer.get("commandId")));
    }

    @Test
    void reassignsAnOwnerWithTheReasonAndDecisionInItsMetadata() {
        String plan = publishedPlan();
        String group = governance.body("SHORT_LIFE_WORKING_GROUP");
        String decision = governance.decision(governance.meeting(governance.body("TASK_FORCE"), LocalDate.of(2024, 1, 15)),
                plan + "/2023-11/1");

        http.post().uri("/api/plans/{plan}/versions/2023-11/actions/1/ownership", plan)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ownerBodyId\": \"%s\", \"reason\": \"Aim A work moves to its SLWG\", \"decisionId\": \"%s\"}"
                        .formatted(group, decision))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");

        StoredEvents.Stored event = stored.under(plan + "/2023-11/1").get(1);
        assertThat(event.type()).isEqualTo("OwnerReassigned");
        assertThat(event.payload()).containsEntry("to", group);
        assertThat(event.metadata()).containsEntry("reason", "Aim A work moves to its SLWG").containsEntry("decisionId", decision);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | progress  | {"summary": "x",                                | 400 | body
            missing body              | progress  |                                                 | 400 | body
            blank summary             | progress  | {"summary": " "}                                | 400 | summary
            unknown status            | progress  | {"summary": "x", "status": "SOON"}              | 400 | status
            future effective date     | progress  | {"summary": "x", "effectiveOn": "2999-01-01"}   | 400 | effectiveOn
            actor in the body         | progress  | {"summary": "x", "actor": "mallory"}            | 400 | actor
            summary of wrong type     | progress  | {"summary": ["x"]}                              | 400 | summary
            status a progress cannot set | progress | {"summary": "x", "status": "CLOSED"}          | 422 |
            owner id not a slug       | ownership | {"ownerBodyId": "SLWG B!", "reason": "r"}       | 400 | ownerBodyId
            reassignment without mandate | ownership | {"ownerBodyId": "slwg-b", "reason": "r"}     | 422 |
            reassignment without reason | ownership | {"ownerBodyId": "slwg-b", "decisionId": "TF-1"} | 400 | reason
            reassignment under no decision | ownership | {"ownerBodyId": "slwg-b", "reason": "r", "decisionId": "TF-1999-D1"} | 422 |
            decision id with a slash  | ownership | {"ownerBodyId": "slwg-b", "reason": "r", "decisionId": "TF/1"} | 400 | decisionId
            timeframe without mandate | timeframe | {"timeframe": "LONG", "reason": "slipped"}     | 422 |
            unknown timeframe         | timeframe | {"timeframe": "SOON", "reason": "r"}            | 400 | timeframe
            closing without mandate   | status    | {"status": "CLOSED", "reason": "no longer needed"} | 422 |
            status without reason     | status    | {"status": "AT_RISK"}                           | 400 | reason
            carried into a bad ref    | status    | {"status": "CARRIED_FORWARD", "reason": "r", "into": ["x/y"]} | 400 | into[0]
            """)
    void refusesABadActionCommandWithAProblemThatNamesItAndAppendsNothing(String name, String command, String body,
                                                                          int status, String field) {
        String plan = publishedPlan();
        long before = stored.count();

        var response = http.post().uri("/api/plans/{plan}/versions/2023-11/actions/1/{command}", plan, command)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? "" : body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(response).doesNotContain("Exception", "at org.", "at java.", "tools.jackson", "org.planledger");
        if (field != null) {
            assertThat(response).contains("\"field\":\"" + field + "\"");
        }
        assertThat(stored.count()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownActionOrPlanWith404() {
        String plan = publishedPlan();

        http.post().uri("/api/plans/{plan}/versions/2023-11/actions/99/progress", plan)
                .contentType(MediaType.APPLICATION_JSON).body("{\"summary\": \"x\"}")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("there is no " + plan + "/2023-11/99");
        http.post().uri("/api/plans/no-such-plan/versions/2023-11/actions/1/progress")
                .contentType(MediaType.APPLICATION_JSON).body("{\"summary\": \"x\"}")
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void namesABadPathSegment() {
        http.post().uri("/api/plans/chronic-pain/versions/2023-11/actions/seven/progress")
                .contentType(MediaType.APPLICATION_JSON).body("{\"summary\": \"x\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("number");
        http.post().uri("/api/plans/Chronic Pain/versions")
                .contentType(MediaType.APPLICATION_JSON).body(version("2023-11", 1))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("planId");
    }

    @Test
    void refusesAChangeMadeAgainstAStaleVersionAndAcceptsTheCurrentOne() {
        String plan = publishedPlan();
        String progress = "/api/plans/" + plan + "/versions/2023-11/actions/3/progress";
        postProgress(progress, null).expectStatus().isCreated();
        long before = stored.count();

        postProgress(progress, "\"0\"").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.title").isEqualTo("Stale version");
        postProgress(progress, "not-a-version").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
        assertThat(stored.count()).isEqualTo(before);

        postProgress(progress, "\"1\"").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
    }

    @Test
    void refusesToPublishAVersionTwice() {
        String plan = publishedPlan();
        long before = stored.count();

        http.post().uri("/api/plans/{plan}/versions", plan)
                .contentType(MediaType.APPLICATION_JSON).body(version("2023-11", 2))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("plan version " + plan + "/2023-11 has already been published");
        assertThat(stored.count()).isEqualTo(before);
    }

    @Test
    void storesAllOfAVersionOrNoneOfIt() {
        String plan = newPlanId();
        // Another writer got to action 3's identifier first: the third of four appends will hit the unique key.
        jdbc.sql("""
                INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                       meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'Action', ?, '{}'::bytea, '{}'::bytea, '1', 'ActionPublished', '2024-01-01T00:00:00Z')""")
                .params(plan + "/2023-11/3", UUID.randomUUID().toString()).update();

        http.post().uri("/api/plans/{plan}/versions", plan)
                .contentType(MediaType.APPLICATION_JSON).body(version("2023-11", 4))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(stored.under(plan + "/2023-11")).extracting(StoredEvents.Stored::aggregate)
                .containsExactly(plan + "/2023-11/3");
    }

    @Test
    void runsEachCommandInADatabaseTransaction() {
        assertThat((Boolean) commands.sendAndWait(new TransactionProbe())).isTrue();
    }

    @Test
    void describesItsEndpointsInOpenApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/plans/{planId}/versions'].post").exists()
                .jsonPath("$.paths['/api/plans/{planId}/versions/{versionId}/actions/{number}/progress'].post").exists()
                .jsonPath("$.paths['/api/plans/{planId}/versions/{versionId}/actions/{number}/ownership'].post").exists();
    }

    @Test
    void reportsItsEventStoreReadThroughTheDatabaseInHealth() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db").doesNotExist() // the eventStore check reaches the database itself
                .jsonPath("$.components.eventStore.status").isEqualTo("UP")
                .jsonPath("$.components.eventStore.details.headPosition").isNumber();
    }

    private RestTestClient.ResponseSpec postProgress(String uri, String ifMatch) {
        var request = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.body("{\"summary\": \"another step\"}").exchange();
    }

    private String publishedPlan() {
        String plan = newPlanId();
        http.post().uri("/api/plans/{plan}/versions", plan)
                .contentType(MediaType.APPLICATION_JSON).body(version("2023-11", 3))
                .exchange()
                .expectStatus().isCreated();
        return plan;
    }

    private static String newPlanId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String version(String versionId, int actions) {
        StringBuilder list = new StringBuilder();
        for (int n = 1; n <= actions; n++) {
            list.append(n == 1 ? "" : ",").append("""
                    {"number": %d, "aim": "%s", "title": "Action %d", "timeframe": "MEDIUM"}""".formatted(n, n % 2 == 0 ? "B" : "A", n));
        }
        return """
                {"versionId": "%s", "title": "A test plan", "publishedOn": "2023-11-01",
                 "aims": [{"code": "A", "title": "Person Centred Care", "statement": "s"}, {"code": "B", "title": "Access to Care"}],
                 "actions": [%s]}""".formatted(versionId, list);
    }

    /** Asks, from inside a command handler, whether a database transaction is open. */
    record TransactionProbe() {
    }

    @TestConfiguration
    static class Probe {

        @Bean
        TransactionProbeHandler transactionProbeHandler() {
            return new TransactionProbeHandler();
        }
    }

    static class TransactionProbeHandler {

        @CommandHandler
        boolean handle(TransactionProbe probe) {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }
    }
}
