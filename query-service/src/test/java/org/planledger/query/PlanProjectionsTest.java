package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Events appended to the store come out of the query API: the plan's status and each action's history. */
@QueryServiceTest
class PlanProjectionsTest {

    private static final List<Aim> AIMS = List.of(new Aim("A", "Person Centred Care", "statement A"),
            new Aim("B", "Access to Care", "statement B"));

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void showsTheVersionInForceWithItsAimsAndActions() {
        String plan = newPlanId();
        publish(plan, "2022-07", LocalDate.of(2022, 7, 1), 1);
        publish(plan, "2023-11", LocalDate.of(2023, 11, 1), 3);
        publish(plan, "2999-01", LocalDate.of(2999, 1, 1), 1);

        // Actions are projected by segment, each committing on its own: wait for all three.
        awaitStatus(plan, "$.aims[*].actions[*].number", List.of(1, 3, 2));
        http.get().uri("/api/plans/{plan}/status", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.aims[1].actions[0].ref").isEqualTo(plan + "/2023-11/2")
                .jsonPath("$.version.versionId").isEqualTo("2023-11")
                .jsonPath("$.version.publishedOn").isEqualTo("2023-11-01")
                .jsonPath("$.aims[*].code").isEqualTo(List.of("A", "B"))
                .jsonPath("$.aims[0].statement").isEqualTo("statement A")
                .jsonPath("$.aims[0].actions[*].number").isEqualTo(List.of(1, 3))
                .jsonPath("$.aims[0].actions[0].title").isEqualTo("Action 1")
                .jsonPath("$.aims[0].actions[0].timeframe").isEqualTo("MEDIUM")
                .jsonPath("$.aims[0].actions[0].status").isEqualTo("NOT_STARTED")
                .jsonPath("$.aims[0].actions[0].owner").isEqualTo("service-managers-network")
                .jsonPath("$.aims[0].actions[0].continues").isEqualTo(List.of(plan + "/2022-07/1"))
                .jsonPath("$.aims[0].actions[0].continuedBy").isEmpty()
                .jsonPath("$.aims[0].actions[0].latestProgress").doesNotExist()
                .jsonPath("$.aims[0].actions[0].version").isEqualTo(0);
        http.get().uri("/api/plans/{plan}/versions/2022-07/actions/1", plan).exchange()
                .expectBody().jsonPath("$.continuedBy").isEqualTo(List.of(plan + "/2023-11/1"));
        http.get().uri("/api/plans").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$['" + plan + "'][*].versionId").isEqualTo(List.of("2022-07", "2023-11", "2999-01"));
    }

    @Test
    void followsProgressStatusAndOwnerChanges() {
        String plan = newPlanId();
        publish(plan, "2023-11", LocalDate.of(2023, 11, 1), 1);
        ActionRef action = ActionRef.parse(plan + "/2023-11/1");
        ledger.append(new ProgressRecorded(action, "Hub live on TURAS", List.of("https://example.org/hub")), "chair-slwg-a",
                LocalDate.of(2024, 3, 1), Map.of());
        ledger.append(new ActionStatusChanged(action, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS), "chair-slwg-a");
        ledger.append(new OwnerReassigned(action, "service-managers-network", "slwg-a"), "secretariat");

        awaitStatus(plan, "$.aims[0].actions[0].version", 3);
        http.get().uri("/api/plans/{plan}/versions/2023-11/actions/1", plan).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo("IN_PROGRESS")
                .jsonPath("$.owner").isEqualTo("slwg-a")
                .jsonPath("$.latestProgress.summary").isEqualTo("Hub live on TURAS")
                .jsonPath("$.latestProgress.evidence").isEqualTo(List.of("https://example.org/hub"))
                .jsonPath("$.latestProgress.effectiveOn").isEqualTo("2024-03-01");
    }

    @Test
    void keepsAsLatestTheProgressThatTookEffectLastEvenWhenAnOlderOneIsReportedLater() {
        String plan = newPlanId();
        publish(plan, "2023-11", LocalDate.of(2023, 11, 1), 1);
        ActionRef action = ActionRef.parse(plan + "/2023-11/1");
        ledger.append(new ProgressRecorded(action, "March update", List.of()), "chair", LocalDate.of(2024, 3, 1), Map.of());
        ledger.append(new ProgressRecorded(action, "January update, reported late", List.of()), "chair",
                LocalDate.of(2024, 1, 1), Map.of());

        awaitStatus(plan, "$.aims[0].actions[0].version", 2);
        http.get().uri("/api/plans/{plan}/versions/2023-11/actions/1", plan).exchange()
                .expectBody().jsonPath("$.latestProgress.summary").isEqualTo("March update");
    }

    @Test
    void listsEveryChangeToAnActionWithBeforeAfterAndWhoWhenWhy() {
        String plan = newPlanId();
        publish(plan, "2023-11", LocalDate.of(2023, 11, 1), 1);
        ActionRef action = ActionRef.parse(plan + "/2023-11/1");
        ledger.append(new ProgressRecorded(action, "Pilot evaluated", List.of()), "chair-slwg-b",
                LocalDate.of(2024, 2, 1), Map.of("decisionId", "TF-2024-01/2"));
        ledger.append(new OwnerReassigned(action, "service-managers-network", "slwg-b"), "secretariat",
                LocalDate.of(2024, 2, 15), Map.of("reason", "Aim B work moves to its SLWG", "decisionId", "TF-2024-02/1",
                        "correlationId", "ticket-17"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get()
                .uri("/api/plans/{plan}/versions/2023-11/actions/1/history", plan).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changes.length()").isEqualTo(3));
        http.get().uri("/api/plans/{plan}/versions/2023-11/actions/1/history", plan).exchange()
                .expectBody()
                .jsonPath("$.action").isEqualTo(plan + "/2023-11/1")
                .jsonPath("$.changes[*].type").isEqualTo(List.of("ActionPublished", "ProgressRecorded", "OwnerReassigned"))
                .jsonPath("$.changes[*].sequence").isEqualTo(List.of(0, 1, 2))
                .jsonPath("$.changes[0].before").isEmpty()
                .jsonPath("$.changes[0].after.title").isEqualTo("Action 1")
                .jsonPath("$.changes[0].effectiveOn").isEqualTo("2023-11-01")
                .jsonPath("$.changes[1].after.summary").isEqualTo("Pilot evaluated")
                .jsonPath("$.changes[1].actor").isEqualTo("chair-slwg-b")
                .jsonPath("$.changes[1].decisionId").isEqualTo("TF-2024-01/2")
                .jsonPath("$.changes[2].before.owner").isEqualTo("service-managers-network")
                .jsonPath("$.changes[2].after.owner").isEqualTo("slwg-b")
                .jsonPath("$.changes[2].actor").isEqualTo("secretariat")
                .jsonPath("$.changes[2].reason").isEqualTo("Aim B work moves to its SLWG")
                .jsonPath("$.changes[2].effectiveOn").isEqualTo("2024-02-15")
                .jsonPath("$.changes[2].correlationId").isEqualTo("ticket-17")
                .jsonPath("$.changes[2].recordedAt").isNotEmpty()
                .jsonPath("$.changes[2].position").isNumber();
    }

    @Test
    void answersWhatItDoesNotKnowWith404AndBadParametersWith400() {
        Problems.expect(http, "/api/plans/no-such-plan/status", 404, "there is no plan no-such-plan");
        Problems.expect(http, "/api/plans/chronic-pain/versions/2023-11/actions/77", 404, "there is no action chronic-pain/2023-11/77");
        Problems.expect(http, "/api/plans/chronic-pain/versions/2023-11/actions/77/history", 404, "there is no action chronic-pain/2023-11/77");
        Problems.expect(http, "/api/plans/chronic-pain/versions/2023-11/actions/seven", 400, "number: 'seven' is not a valid value");
        Problems.expect(http, "/api/plans/Chronic_Pain/status", 400, null);
        Problems.expect(http, "/api/plans/chronic-pain/status?asOf=next-tuesday", 400,
                "asOf: must be a date such as 2024-03-05 or an instant with its offset such as 2024-03-05T10:15:00Z, in the years 1900 to 9999, not 'next-tuesday'");
        Problems.expect(http, "/api/plans/chronic-pain/status?knownAt=2024-02-30", 400, null);
    }

    @Test
    void reportsItsProcessorsInHealth() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.projections.status").isEqualTo("UP")
                .jsonPath("$.components.projections.details.processors['plan-status'].running").isEqualTo(true)
                .jsonPath("$.components.projections.details.processors['change-log'].running").isEqualTo(true)
                .jsonPath("$.components.projections.details.processors['governance'].running").isEqualTo(true)
                .jsonPath("$.components.eventStore.status").isEqualTo("UP");
    }

    @Test
    void describesItsEndpointsInOpenApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/plans/{planId}/status'].get").exists()
                .jsonPath("$.paths['/api/plans/{planId}/versions/{versionId}/actions/{number}/history'].get").exists()
                .jsonPath("$.paths['/api/plans/{planId}/status'].get.parameters[*].name").value(List.class,
                        names -> org.assertj.core.api.Assertions.assertThat(names).contains("asOf", "knownAt"))
                .jsonPath("$.paths['/api/plans/{planId}/diff'].get").exists()
                .jsonPath("$.paths['/api/audit'].get.responses['200'].content['text/csv']").exists()
                .jsonPath("$.paths['/api/audit'].get.responses['200'].content['application/json']").exists()
                .jsonPath("$.paths['/api/bodies/{bodyId}/accountability'].get").exists()
                .jsonPath("$.paths['/api/people/{personId}'].get").exists()
                .jsonPath("$.paths['/api/meetings/{meetingId}/traceability'].get").exists()
                .jsonPath("$.paths['/api/traceability'].get").exists()
                .jsonPath("$.paths['/api/admin/replay'].post").exists();
    }

    private void awaitStatus(String plan, String path, Object expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/plans/{plan}/status", plan).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath(path).isEqualTo(expected));
    }

    private void publish(String plan, String version, LocalDate publishedOn, int actions) {
        ledger.append(new PlanVersionPublished(plan, version, "Version " + version, publishedOn, AIMS), "secretariat",
                publishedOn, Map.of());
        for (int n = 1; n <= actions; n++) {
            ActionRef ref = new ActionRef(plan, version, n);
            List<ActionRef> continues = version.equals("2023-11") && n == 1 ? List.of(ActionRef.parse(plan + "/2022-07/1")) : List.of();
            ledger.append(new ActionPublished(ref, n % 2 == 0 ? "B" : "A", "Action " + n,
                    "what " + n, Timeframe.MEDIUM, "service-managers-network", ActionStatus.NOT_STARTED, continues),
                    "secretariat", publishedOn, Map.of());
            // as the command side does when it publishes a continuing action
            continues.forEach(earlier -> ledger.append(new ActionCarriedForward(earlier, List.of(ref)), "secretariat",
                    publishedOn, Map.of()));
        }
    }

    private static String newPlanId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
