package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.ChairAppointed;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.Person;
import org.planledger.events.ProgressRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accountability (per body, per person) and traceability (per meeting, and the report of changes without a mandate
 * and decisions not acted on). The events come straight into the store, as events that bypassed the command
 * service's rules would.
 */
@QueryServiceTest
class AccountabilityTest {

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void aBodyAnswersForItsActionsOwnershipOverdueUpdatesAndUnactedDecisions() {
        Scenario s = scenario();
        http.get().uri("/api/bodies/{body}/accountability", s.body).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Group " + s.id)
                .jsonPath("$.ownedNow[*].ref").isEqualTo(List.of(s.action(1), s.action(2)))
                .jsonPath("$.ownership[*].ref").isEqualTo(List.of(s.action(1), s.action(2), s.action(3)))
                .jsonPath("$.ownership[0].from").isEqualTo("2024-01-01T10:00:00Z")
                .jsonPath("$.ownership[0].until").doesNotExist()
                .jsonPath("$.ownership[1].from").isEqualTo("2024-06-01T10:00:00Z")
                .jsonPath("$.ownership[2].until").isEqualTo("2024-03-01T10:00:00Z")
                .jsonPath("$.overdueAfterDays").isEqualTo(90)
                .jsonPath("$.overdue[*].ref").isEqualTo(List.of(s.action(1)))
                .jsonPath("$.overdue[0].since").isEqualTo("2024-01-01")
                .jsonPath("$.overdue[0].daysWithoutProgress").value(Integer.class, days -> assertThat(days).isGreaterThan(90))
                .jsonPath("$.unactedDecisions[*].decisionId").isEqualTo(List.of("D1-" + s.id))
                .jsonPath("$.unactedDecisions[0].actions").isEqualTo(List.of(s.action(1)));
        http.get().uri("/api/bodies/{body}/accountability?overdueAfterDays=3650", s.body).exchange()
                .expectBody().jsonPath("$.overdue").isEmpty();
        Problems.expect(http, "/api/bodies/no-such-body/accountability", 404, "there is no body no-such-body");
        Problems.expect(http, "/api/bodies/" + s.body + "/accountability?overdueAfterDays=0", 400, null);
    }

    @Test
    void aPersonAnswersForTheChangesTheyMadeAndTheRolesTheyHeld() {
        Scenario s = scenario();
        http.get().uri("/api/people/{person}", s.chair).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles[0].bodyId").isEqualTo(s.body)
                .jsonPath("$.roles[0].role").isEqualTo("CHAIR")
                .jsonPath("$.roles[0].until").doesNotExist()
                .jsonPath("$.changeCount").isEqualTo(1)
                .jsonPath("$.recentChanges[0].type").isEqualTo("ProgressRecorded")
                .jsonPath("$.recentChanges[0].actor").isEqualTo(s.chair);
        Problems.expect(http, "/api/people/nobody-" + s.id, 404, "nobody known as nobody-" + s.id
                + " has held a role or made a change");
    }

    @Test
    void tracesAMeetingsDecisionsToTheirChanges() {
        Scenario s = scenario();
        http.get().uri("/api/meetings/{meeting}/traceability", s.meeting).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.meeting.meetingId").isEqualTo(s.meeting)
                .jsonPath("$.decisions[*].decisionId").isEqualTo(List.of("D1-" + s.id, "D2-" + s.id))
                .jsonPath("$.decisions[0].changes[*].type").isEqualTo(List.of("OwnerReassigned"))
                .jsonPath("$.decisions[0].changes[0].subject").isEqualTo(s.action(2))
                .jsonPath("$.decisions[1].changes").isEmpty();
    }

    @Test
    void reportsChangesWithoutAMandateAndDecisionsNotActedOn() {
        Scenario s = scenario();
        var report = http.get().uri("/api/traceability").exchange().expectStatus().isOk().expectBody();
        String unmandated = "$.unmandatedChanges[?(@.change.subject == '" + s.action(3) + "')]";
        report.jsonPath(unmandated + ".problem").isEqualTo(List.of("cites no decision"))
                .jsonPath(unmandated + ".change.type").isEqualTo(List.of("OwnerReassigned"));
        String unrecorded = "$.unmandatedChanges[?(@.change.subject == '" + s.action(4) + "')].problem";
        report.jsonPath(unrecorded).isEqualTo(List.of("cites decision TF-missing-" + s.id + ", which is not recorded"));
        String mandated = "$.unmandatedChanges[?(@.change.subject == '" + s.action(2) + "')]";
        report.jsonPath(mandated).isEmpty();
        report.jsonPath("$.unactedDecisions[?(@.decisionId == 'D1-" + s.id + "')].actionsNotActedOn[*]")
                .isEqualTo(List.of(s.action(1)))
                .jsonPath("$.unactedDecisions[?(@.decisionId == 'D1-" + s.id + "')].neverActedOn")
                .isEqualTo(List.of(false))
                .jsonPath("$.unactedDecisions[?(@.decisionId == 'D2-" + s.id + "')].neverActedOn")
                .isEqualTo(List.of(true));
    }

    private record Scenario(String id, String plan, String body, String chair, String meeting) {
        String action(int number) {
            return plan + "/2023-11/" + number;
        }
    }

    /**
     * A group owning action 1 since January 2024 with no progress since; action 2 handed to it in June under decision
     * D1, with progress today; action 3 taken from it in March without a decision; action 4 reassigned elsewhere
     * citing a decision nobody recorded. D1 names actions 1 and 2, D2 names action 3.
     */
    private Scenario scenario() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Scenario s = new Scenario(id, "acc-" + id, "group-" + id, "chair-" + id, "tf-" + id);
        Instant january = Instant.parse("2024-01-01T10:00:00Z");
        ledger.appendRecordedAt(january, new BodyEstablished(s.body, BodyKind.SHORT_LIFE_WORKING_GROUP, "Group " + id,
                null, "A", LocalDate.of(2024, 1, 1)), "secretariat", null, Map.of());
        ledger.appendRecordedAt(january, new ChairAppointed(s.body, new Person(s.chair, "A Chair"), null), "secretariat",
                null, Map.of());
        ledger.appendRecordedAt(january, new MeetingScheduled(s.meeting, "task-force", LocalDate.of(2024, 5, 20),
                "May"), "secretariat", null, Map.of());
        String[] owners = {null, s.body, "other-" + id, s.body, "other-" + id};
        for (int n = 1; n <= 4; n++) {
            ledger.appendRecordedAt(january, new ActionPublished(ActionRef.parse(s.action(n)), "A", "Action " + n, null,
                    null, owners[n], ActionStatus.IN_PROGRESS, List.of()), "secretariat", null, Map.of());
        }
        ledger.appendRecordedAt(Instant.parse("2024-03-01T10:00:00Z"), new OwnerReassigned(ActionRef.parse(s.action(3)),
                s.body, "other-" + id), "secretariat", null, Map.of());
        ledger.appendRecordedAt(Instant.parse("2024-05-20T10:00:00Z"), new DecisionRecorded("D1-" + id, s.meeting,
                "Hand action 2 to the group; the group to report on action 1",
                List.of(ActionRef.parse(s.action(1)), ActionRef.parse(s.action(2)))), "secretariat", null, Map.of());
        ledger.appendRecordedAt(Instant.parse("2024-05-20T10:00:01Z"), new DecisionRecorded("D2-" + id, s.meeting,
                "Close action 3", List.of(ActionRef.parse(s.action(3)))), "secretariat", null, Map.of());
        ledger.appendRecordedAt(Instant.parse("2024-06-01T10:00:00Z"), new OwnerReassigned(ActionRef.parse(s.action(2)),
                "other-" + id, s.body), "secretariat", null, Map.of("decisionId", "D1-" + id));
        ledger.appendRecordedAt(Instant.parse("2024-06-01T10:00:00Z"), new OwnerReassigned(ActionRef.parse(s.action(4)),
                "other-" + id, "third-" + id), "secretariat", null, Map.of("decisionId", "TF-missing-" + id));
        ledger.append(new ProgressRecorded(ActionRef.parse(s.action(2)), "on track", List.of()), s.chair);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/people/{person}", s.chair)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.changeCount").isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get()
                .uri("/api/bodies/{body}/accountability", s.body).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ownedNow.length()").isEqualTo(2));
        return s;
    }
}
