package org.planledger.command.meeting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.AlreadyExists;
import org.planledger.command.InMemoryRecords;
import org.planledger.command.meeting.MeetingCommands.RecordDecision;
import org.planledger.events.ActionRef;
import org.planledger.events.DecisionRecorded;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.planledger.command.Refusals.refuses;


class DecisionTest {

    private static final ActionRef ACTION_7 = ActionRef.parse("chronic-pain/2023-11/7");
    private static final ActionRef ACTION_8 = ActionRef.parse("chronic-pain/2023-11/8");

    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(new InMemoryRecords()
                .meeting("tf-2024-01", "task-force", LocalDate.of(2024, 1, 15))
                .meeting("tf-2024-06", "task-force", LocalDate.of(2024, 6, 10))
                .action(ACTION_7)
                .action(ACTION_8));
    }

    @Test
    void recordsADecisionAndTheActionsItConcerns() {
        fixture.givenNoPriorActivity()
                .when(new RecordDecision("tf-2024-01", "TF-2024-01-D3", "SLWG B takes Actions 7 and 8", List.of(ACTION_7, ACTION_8)))
                .expectEvents(new DecisionRecorded("TF-2024-01-D3", "tf-2024-01", "SLWG B takes Actions 7 and 8",
                        List.of(ACTION_7, ACTION_8)));
    }

    @Test
    void recordsADecisionAboutNoAction() {
        fixture.givenNoPriorActivity()
                .when(new RecordDecision("tf-2024-01", "TF-2024-01-D1", "Approve the engagement process", List.of()))
                .expectEvents(new DecisionRecorded("TF-2024-01-D1", "tf-2024-01", "Approve the engagement process", List.of()));
    }

    @Test
    void refusesADecisionIdUsedBefore() {
        fixture.given(new DecisionRecorded("TF-2024-01-D3", "tf-2024-01", "first", List.of(ACTION_7)))
                .when(new RecordDecision("tf-2024-01", "TF-2024-01-D3", "second", List.of(ACTION_8)))
                .expectException(AlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void refusesADecisionOfAMeetingThatDoesNotExist() {
        refuses(fixture, new RecordDecision("tf-2099-01", "X-1", "x", List.of()), "no meeting tf-2099-01");
    }

    @Test
    void refusesADecisionOfAMeetingNotYetHeld() {
        refuses(fixture, new RecordDecision("tf-2024-06", "X-1", "x", List.of()), "once it has been held");
    }

    @Test
    void refusesADecisionAboutAnActionThatDoesNotExist() {
        refuses(fixture, new RecordDecision("tf-2024-01", "X-1", "x", List.of(ActionRef.parse("chronic-pain/2023-11/99"))),
                "names chronic-pain/2023-11/99, which does not exist");
    }

    @Test
    void refusesADecisionNamingAnActionTwice() {
        refuses(fixture, new RecordDecision("tf-2024-01", "X-1", "x", List.of(ACTION_7, ACTION_7)), "twice");
    }

}
