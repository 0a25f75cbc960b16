package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.EventMetadata;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The plan as it stood at any instant (asOf, effective time) as the ledger had recorded it by any instant
 * (knownAt, recorded time), and the diff between two instants. Events are appended with recorded instants in the
 * past, as if the ledger had been kept since 2022.
 */
@QueryServiceTest
class TimeTravelTest {

    private static final List<Aim> AIMS = List.of(new Aim("A", "Person Centred Care", "statement A"));
    private static final Instant JULY_2022 = Instant.parse("2022-07-01T09:00:00Z");
    private static final Instant REASSIGNED = Instant.parse("2022-09-01T10:00:00Z");
    private static final Instant JUNE_2023 = Instant.parse("2023-06-01T08:00:00Z");
    private static final Instant COMPLETED = Instant.parse("2023-10-02T09:30:00Z");
    private static final Instant NOVEMBER_2023 = Instant.parse("2023-11-01T12:00:00Z");
    private static final Instant BACKDATED = Instant.parse("2024-02-01T10:00:00Z");

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void answersExactlyOnAnEventsInstantAndBetweenInstants() {
        String plan = plan();
        String before = "2022-09-01T09:59:59.999999Z";
        status(plan, "asOf=" + REASSIGNED).jsonPath("$.aims[0].actions[0].owner").isEqualTo("body-b");
        status(plan, "asOf=" + before).jsonPath("$.aims[0].actions[0].owner").isEqualTo("body-a");
        status(plan, "asOf=2022-08-31").jsonPath("$.aims[0].actions[0].owner").isEqualTo("body-a");
        status(plan, "asOf=2022-09-01").jsonPath("$.aims[0].actions[0].owner").isEqualTo("body-b");
        // Publication is an instant too: a moment before it, there was no plan.
        http.get().uri("/api/plans/{plan}/status?asOf=2022-07-01T08:59:59Z", plan).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        status(plan, "asOf=" + JULY_2022).jsonPath("$.version.versionId").isEqualTo("2022-07");
    }

    @Test
    void showsTheVersionInForceOnADateWithItsActionsAsTheyStoodThen() {
        String plan = plan();
        status(plan, "asOf=2023-01-01")
                .jsonPath("$.asOf").isEqualTo("2023-01-01T23:59:59.999999Z")
                .jsonPath("$.version.versionId").isEqualTo("2022-07")
                .jsonPath("$.aims[0].actions[*].ref").isEqualTo(List.of(plan + "/2022-07/1", plan + "/2022-07/2"))
                .jsonPath("$.aims[0].actions[*].status").isEqualTo(List.of("NOT_STARTED", "NOT_STARTED"))
                .jsonPath("$.aims[0].actions[0].continuedBy").isEmpty();
        status(plan, "asOf=2023-07-01")
                .jsonPath("$.aims[0].actions[1].latestProgress.summary").isEqualTo("June report")
                .jsonPath("$.aims[0].actions[1].status").isEqualTo("NOT_STARTED");
        status(plan, "asOf=2024-01-01")
                .jsonPath("$.version.versionId").isEqualTo("2023-11")
                .jsonPath("$.aims[0].actions[*].number").isEqualTo(List.of(1, 2, 3))
                .jsonPath("$.aims[0].actions[0].continues").isEqualTo(List.of(plan + "/2022-07/1"));
    }

    @Test
    void answersAsTheLedgerHadRecordedItAtKnownAt() {
        String plan = plan();
        // By June 2023 nobody had recorded the November version or the completion yet.
        status(plan, "asOf=2024-01-01&knownAt=2023-06-30")
                .jsonPath("$.knownAt").isEqualTo("2023-06-30T22:59:59.999999Z")
                .jsonPath("$.version.versionId").isEqualTo("2022-07")
                .jsonPath("$.aims[0].actions[1].status").isEqualTo("NOT_STARTED")
                .jsonPath("$.aims[0].actions[1].latestProgress.summary").isEqualTo("June report");
        status(plan, "asOf=2023-10-15&knownAt=2023-10-15")
                .jsonPath("$.aims[0].actions[1].status").isEqualTo("COMPLETED");
    }

    @Test
    void aBackdatedChangeRewritesThePastOnlyFromWhenItWasRecorded() {
        String plan = plan();
        // Recorded on 1 February 2024, effective 1 December 2023.
        status(plan, "asOf=2023-12-15&knownAt=2024-01-31")
                .jsonPath("$.aims[0].actions[1].owner").isEqualTo("body-a");
        status(plan, "asOf=2023-12-15")
                .jsonPath("$.aims[0].actions[1].owner").isEqualTo("body-c");
        status(plan, "asOf=2023-11-30")
                .jsonPath("$.aims[0].actions[1].owner").isEqualTo("body-a");
    }

    @Test
    void progressRecordedTodayForLastMonthIsVisibleAsOfLastMonthButNotKnownYesterday() {
        String plan = "bitemporal-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, EventMetadata.ZONE);
        LocalDate lastMonth = today.minusDays(30);
        ActionRef action = new ActionRef(plan, "2025-01", 1);
        Instant published = now.minus(60, ChronoUnit.DAYS);
        ledger.appendRecordedAt(published, new PlanVersionPublished(plan, "2025-01", "Plan", LocalDate.ofInstant(published,
                EventMetadata.ZONE), AIMS), "secretariat", null, Map.of());
        ledger.appendRecordedAt(published, new ActionPublished(action, "A", "Action", null, Timeframe.SHORT, "body-a",
                ActionStatus.IN_PROGRESS, List.of()), "secretariat", null, Map.of());
        ledger.appendRecordedAt(now.minus(40, ChronoUnit.DAYS), new ProgressRecorded(action, "Earlier update", List.of()),
                "chair", null, Map.of());
        ledger.append(new ProgressRecorded(action, "Last month's update, recorded today", List.of()), "chair", lastMonth,
                Map.of());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> status(plan, "")
                .jsonPath("$.aims[0].actions[0].version").isEqualTo(2));

        status(plan, "asOf=" + lastMonth)
                .jsonPath("$.aims[0].actions[0].latestProgress.summary").isEqualTo("Last month's update, recorded today")
                .jsonPath("$.aims[0].actions[0].latestProgress.effectiveOn").isEqualTo(lastMonth.toString());
        status(plan, "asOf=" + lastMonth + "&knownAt=" + today.minusDays(1))
                .jsonPath("$.aims[0].actions[0].latestProgress.summary").isEqualTo("Earlier update");
        status(plan, "knownAt=" + today.minusDays(1))
                .jsonPath("$.aims[0].actions[0].latestProgress.summary").isEqualTo("Earlier update");
        status(plan, "asOf=" + lastMonth.minusDays(1))
                .jsonPath("$.aims[0].actions[0].latestProgress.summary").isEqualTo("Earlier update");
    }

    @Test
    void diffsTwoDatesAndTwoVersions() {
        String plan = plan();
        for (String range : List.of("from=2023-01-01&to=2024-01-01", "fromVersion=2022-07&toVersion=2023-11")) {
            http.get().uri("/api/plans/{plan}/diff?" + range, plan).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.to.versionId").isEqualTo("2023-11")
                    .jsonPath("$.added[*].ref").isEqualTo(List.of(plan + "/2023-11/2", plan + "/2023-11/3"))
                    .jsonPath("$.continuing[*].ref").isEqualTo(List.of(plan + "/2023-11/1"))
                    .jsonPath("$.continuing[0].continues").isEqualTo(List.of(plan + "/2022-07/1"))
                    .jsonPath("$.carriedForward[0].action").isEqualTo(plan + "/2022-07/1")
                    .jsonPath("$.carriedForward[0].into").isEqualTo(List.of(plan + "/2023-11/1"))
                    .jsonPath("$.ended[*].ref").isEqualTo(List.of(plan + "/2022-07/1", plan + "/2022-07/2"))
                    .jsonPath("$.ended[*].status").isEqualTo(List.of("CARRIED_FORWARD", "COMPLETED"))
                    .jsonPath("$.progress[*].summary").isEqualTo(List.of("June report"));
        }
        http.get().uri("/api/plans/{plan}/diff?from=2022-08-01&to=2022-10-01", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from.versionId").isEqualTo("2022-07")
                .jsonPath("$.added").isEmpty()
                .jsonPath("$.changed[0].ref").isEqualTo(plan + "/2022-07/1")
                .jsonPath("$.changed[0].field").isEqualTo("owner")
                .jsonPath("$.changed[0].before").isEqualTo("body-a")
                .jsonPath("$.changed[0].after").isEqualTo("body-b");
    }

    @Test
    void refusesDiffsItCannotAnswer() {
        String plan = plan();
        Problems.expect(http, "/api/plans/" + plan + "/diff?from=2024-01-01&to=2023-01-01", 400,
                "from: must not be after to (2024-01-01T23:59:59.999999Z is after 2023-01-01T23:59:59.999999Z)");
        Problems.expect(http, "/api/plans/" + plan + "/diff?from=2023-01-01", 400, null);
        Problems.expect(http, "/api/plans/" + plan + "/diff?from=2023-01-01&fromVersion=2022-07&to=2024-01-01", 400, null);
        Problems.expect(http, "/api/plans/" + plan + "/diff?fromVersion=2021-01&to=2024-01-01", 404, "plan " + plan + " has no version 2021-01");
        Problems.expect(http, "/api/plans/no-such-plan/diff?from=2023-01-01&to=2024-01-01", 404, "there is no plan no-such-plan");
    }

    private RestTestClient.BodyContentSpec status(String plan, String query) {
        return http.get().uri("/api/plans/{plan}/status?" + query, plan).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    /**
     * A plan kept since July 2022: version 2022-07 (actions 1 and 2, owned by body-a), action 1 reassigned to body-b in
     * September 2022, progress on action 2 in June 2023 and its completion in October, version 2023-11 continuing
     * action 1 and adding 2 and 3, and in February 2024 a reassignment of 2023-11/2 back-dated to December 2023.
     */
    private String plan() {
        String plan = "travel-" + UUID.randomUUID().toString().substring(0, 8);
        ActionRef old1 = new ActionRef(plan, "2022-07", 1);
        ActionRef old2 = new ActionRef(plan, "2022-07", 2);
        publish(plan, "2022-07", JULY_2022);
        for (ActionRef action : List.of(old1, old2)) {
            ledger.appendRecordedAt(JULY_2022, new ActionPublished(action, "A", "Initial " + action.number(), null, null,
                    "body-a", ActionStatus.NOT_STARTED, List.of()), "secretariat", null, Map.of());
        }
        ledger.appendRecordedAt(REASSIGNED, new OwnerReassigned(old1, "body-a", "body-b"), "secretariat", null,
                Map.of("decisionId", "TF-1"));
        ledger.appendRecordedAt(JUNE_2023, new ProgressRecorded(old2, "June report", List.of()), "chair", null, Map.of());
        ledger.appendRecordedAt(COMPLETED, new ActionStatusChanged(old2, ActionStatus.NOT_STARTED, ActionStatus.COMPLETED),
                "chair", null, Map.of());
        publish(plan, "2023-11", NOVEMBER_2023);
        for (int n = 1; n <= 3; n++) {
            ActionRef action = new ActionRef(plan, "2023-11", n);
            ledger.appendRecordedAt(NOVEMBER_2023, new ActionPublished(action, "A", "Updated " + n, null, Timeframe.MEDIUM,
                    "body-a", ActionStatus.NOT_STARTED, n == 1 ? List.of(old1) : List.of()), "secretariat", null, Map.of());
        }
        ledger.appendRecordedAt(NOVEMBER_2023, new ActionStatusChanged(old1, ActionStatus.NOT_STARTED,
                ActionStatus.CARRIED_FORWARD), "secretariat", null, Map.of());
        ledger.appendRecordedAt(NOVEMBER_2023, new ActionCarriedForward(old1, List.of(new ActionRef(plan, "2023-11", 1))),
                "secretariat", null, Map.of());
        ledger.appendRecordedAt(BACKDATED, new OwnerReassigned(new ActionRef(plan, "2023-11", 2), "body-a", "body-c"),
                "secretariat", LocalDate.of(2023, 12, 1), Map.of("decisionId", "TF-2"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> status(plan, "")
                .jsonPath("$.aims[0].actions[1].owner").isEqualTo("body-c"));
        return plan;
    }

    private void publish(String plan, String version, Instant recordedAt) {
        ledger.appendRecordedAt(recordedAt, new PlanVersionPublished(plan, version, "Version " + version,
                LocalDate.ofInstant(recordedAt, EventMetadata.ZONE), AIMS), "secretariat", null, Map.of());
    }
}
