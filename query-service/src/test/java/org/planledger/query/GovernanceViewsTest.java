package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.BodyRenamed;
import org.planledger.events.ChairAppointed;
import org.planledger.events.ChairCoOpted;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MemberAdded;
import org.planledger.events.MemberRemoved;
import org.planledger.events.MinuteItem;
import org.planledger.events.MinutesAmended;
import org.planledger.events.MinutesApproved;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.MinutesPublished;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.Person;
import org.planledger.events.TimeframeChanged;
import org.planledger.events.Timeframe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Bodies, meetings, minutes and decisions come out of the query API as the events recorded them. */
@QueryServiceTest
class GovernanceViewsTest {

    private static final Person ALEX = new Person("p-alex", "Alex");
    private static final Person BLAIR = new Person("p-blair", "Blair");
    private static final Person CASEY = new Person("p-casey", "Casey");

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void showsABodyItsRolesOverTimeAndItsChanges() {
        String group = newId("group");
        String taskForce = newId("tf");
        ledger.append(new BodyEstablished(group, BodyKind.SHORT_LIFE_WORKING_GROUP, "Group A", "Aim A", "A",
                LocalDate.of(2022, 10, 1)), "secretariat", LocalDate.of(2022, 10, 1), Map.of());
        ledger.append(new BodyEstablished(taskForce, BodyKind.TASK_FORCE, "Task Force", null, null, null), "secretariat");
        ledger.append(new ChairAppointed(group, ALEX, null), "secretariat", LocalDate.of(2022, 11, 1), Map.of());
        ledger.append(new ChairAppointed(group, BLAIR, ALEX), "secretariat", LocalDate.of(2023, 6, 1), Map.of());
        ledger.append(new MemberAdded(group, CASEY), "secretariat", LocalDate.of(2023, 1, 1), Map.of());
        ledger.append(new MemberRemoved(group, CASEY), "secretariat", LocalDate.of(2023, 9, 1), Map.of());
        ledger.append(new BodyRenamed(group, "Group A", "Aim A Group"), "secretariat");
        ledger.append(new ChairCoOpted(taskForce, BLAIR, group), "secretariat", LocalDate.of(2023, 7, 1), Map.of());

        awaitOk("/api/bodies/" + taskForce, "$.members[0].personId", "p-blair");
        http.get().uri("/api/bodies/{id}", group).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Aim A Group")
                .jsonPath("$.kind").isEqualTo("SHORT_LIFE_WORKING_GROUP")
                .jsonPath("$.establishedOn").isEqualTo("2022-10-01")
                .jsonPath("$.chair.personId").isEqualTo("p-blair")
                .jsonPath("$.chair.since").isEqualTo("2023-06-01")
                .jsonPath("$.members.length()").isEqualTo(0)
                .jsonPath("$.roles[*].personId").isEqualTo(List.of("p-alex", "p-casey", "p-blair"))
                .jsonPath("$.roles[0].until").isEqualTo("2023-06-01")
                .jsonPath("$.roles[1].until").isEqualTo("2023-09-01")
                .jsonPath("$.roles[2].until").doesNotExist();
        http.get().uri("/api/bodies/{id}", taskForce).exchange()
                .expectBody()
                .jsonPath("$.members[0].role").isEqualTo("CO_OPTED")
                .jsonPath("$.members[0].coOptedFrom").isEqualTo(group);
        http.get().uri("/api/bodies").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.bodyId == '" + group + "')].chair.name").isEqualTo(List.of("Blair"));
    }

    @Test
    void endsEveryRoleWhenABodyIsDisbanded() {
        String group = newId("group");
        ledger.append(new BodyEstablished(group, BodyKind.NETWORK, "Network", null, null, null), "secretariat");
        ledger.append(new ChairAppointed(group, ALEX, null), "secretariat");
        ledger.append(new BodyDisbanded(group, LocalDate.of(2025, 3, 31)), "secretariat", LocalDate.of(2025, 3, 31), Map.of());

        awaitOk("/api/bodies/" + group, "$.disbandedOn", "2025-03-31");
        http.get().uri("/api/bodies/{id}", group).exchange()
                .expectBody()
                .jsonPath("$.chair").doesNotExist()
                .jsonPath("$.roles[0].until").isEqualTo("2025-03-31");
    }

    @Test
    void showsAMeetingsMinutesWithEveryDraftAndAmendmentAndItsDecisions() {
        String meeting = newId("meeting");
        String plan = newId("plan");
        ActionRef action = new ActionRef(plan, "2023-11", 1);
        ledger.append(new ActionPublished(action, "A", "An action", null, Timeframe.SHORT, null, ActionStatus.NOT_STARTED,
                List.of()), "secretariat");
        ledger.append(new MeetingScheduled(meeting, "task-force", LocalDate.of(2024, 1, 15), "Task Force, January"), "secretariat");
        ledger.append(new AttendanceRecorded(meeting, List.of(ALEX, BLAIR), List.of(CASEY)), "secretariat");
        ledger.append(new MinutesDrafted(meeting, List.of(new MinuteItem(1, "Aim B", "first draft"))), "secretariat");
        ledger.append(new MinutesDrafted(meeting, List.of(new MinuteItem(1, "Aim B", "second draft"))), "secretariat");
        ledger.append(new MinutesApproved(meeting, "tf-2024-02"), "secretariat");
        ledger.append(new MinutesPublished(meeting), "secretariat");
        ledger.append(new MinutesAmended(meeting, List.of(new MinuteItem(1, "Aim B", "amended"))), "secretariat", null,
                Map.of("reason", "Action 8 was omitted"));
        ledger.append(new DecisionRecorded(meeting + "-D1", meeting, "SLWG B takes the action", List.of(action)), "secretariat");

        awaitOk("/api/meetings/" + meeting, "$.decisions.length()", 1);
        http.get().uri("/api/meetings/{id}", meeting).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.heldOn").isEqualTo("2024-01-15")
                .jsonPath("$.present[*].name").isEqualTo(List.of("Alex", "Blair"))
                .jsonPath("$.apologies[0].name").isEqualTo("Casey")
                .jsonPath("$.minutes.state").isEqualTo("PUBLISHED")
                .jsonPath("$.minutes.approvedAt").isEqualTo("tf-2024-02")
                .jsonPath("$.minutes.items[0].text").isEqualTo("amended")
                .jsonPath("$.minutes.revisions[*].kind").isEqualTo(List.of("DRAFT", "DRAFT", "AMENDMENT"))
                .jsonPath("$.minutes.revisions[1].items[0].text").isEqualTo("second draft")
                .jsonPath("$.minutes.revisions[2].reason").isEqualTo("Action 8 was omitted")
                .jsonPath("$.decisions[0].decisionId").isEqualTo(meeting + "-D1")
                .jsonPath("$.decisions[0].actions").isEqualTo(List.of(action.toString()));
        http.get().uri("/api/meetings?body=task-force").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.meetingId == '" + meeting + "')].minutesState").isEqualTo(List.of("PUBLISHED"));
    }

    @Test
    void showsADecisionWithEveryChangeMadeUnderIt() {
        String meeting = newId("meeting");
        String decision = newId("D");
        String plan = newId("plan");
        ActionRef action = new ActionRef(plan, "2023-11", 1);
        ledger.append(new ActionPublished(action, "A", "An action", null, Timeframe.SHORT, "old-owner",
                ActionStatus.NOT_STARTED, List.of()), "secretariat");
        ledger.append(new MeetingScheduled(meeting, "task-force", LocalDate.of(2024, 1, 15), "January"), "secretariat");
        ledger.append(new DecisionRecorded(decision, meeting, "Hand the action to SLWG B and give it a year", List.of(action)),
                "secretariat");
        ledger.append(new OwnerReassigned(action, "old-owner", "slwg-b"), "secretariat", null,
                Map.of("decisionId", decision, "reason", "Aim B work moves to its SLWG"));
        ledger.append(new TimeframeChanged(action, Timeframe.SHORT, Timeframe.MEDIUM), "secretariat", null,
                Map.of("decisionId", decision, "reason", "a year more"));

        awaitOk("/api/decisions/" + decision, "$.changes.length()", 2);
        http.get().uri("/api/decisions/{id}", decision).exchange()
                .expectBody()
                .jsonPath("$.text").isEqualTo("Hand the action to SLWG B and give it a year")
                .jsonPath("$.actions").isEqualTo(List.of(action.toString()))
                .jsonPath("$.meeting.meetingId").isEqualTo(meeting)
                .jsonPath("$.meeting.heldOn").isEqualTo("2024-01-15")
                .jsonPath("$.changes[*].type").isEqualTo(List.of("OwnerReassigned", "TimeframeChanged"))
                .jsonPath("$.changes[*].subject").isEqualTo(List.of(action.toString(), action.toString()))
                .jsonPath("$.changes[0].before.owner").isEqualTo("old-owner")
                .jsonPath("$.changes[0].after.owner").isEqualTo("slwg-b")
                .jsonPath("$.changes[1].after.timeframe").isEqualTo("MEDIUM");
    }

    @Test
    void answersUnknownBodiesMeetingsAndDecisionsWith404() {
        for (String uri : List.of("/api/bodies/no-such-body", "/api/meetings/no-such-meeting", "/api/decisions/NO-SUCH")) {
            http.get().uri(uri).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/decisions/bad%20id").exchange().expectStatus().isBadRequest();
    }

    private void awaitOk(String uri, String path, Object expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath(path).isEqualTo(expected));
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase();
    }
}
