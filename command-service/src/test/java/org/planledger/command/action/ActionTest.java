package org.planledger.command.action;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.planledger.command.RuleViolation;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;

import java.time.LocalDate;
import java.util.List;

class ActionTest {

    private static final ActionRef REF = ActionRef.parse("chronic-pain/2023-11/7");
    private static final ActionPublished PUBLISHED = new ActionPublished(REF, "B", "Deliver a new digital approach", null,
            Timeframe.MEDIUM, "service-managers-network", ActionStatus.NOT_STARTED, List.of());

    private FixtureConfiguration<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
    }

    @Test
    void recordsProgress() {
        fixture.given(PUBLISHED)
                .when(progress("Pilot evaluated", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgressRecorded(REF, "Pilot evaluated", List.of("https://example.org/evaluation")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void movesToTheStatusAProgressUpdateGives() {
        fixture.given(PUBLISHED)
                .when(progress("Rolled out to two boards", ActionStatus.IN_PROGRESS))
                .expectEvents(new ProgressRecorded(REF, "Rolled out to two boards", List.of("https://example.org/evaluation")),
                        new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordsNoStatusChangeWhenTheStatusStaysTheSame() {
        fixture.given(PUBLISHED, new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS))
                .when(progress("Still going", ActionStatus.IN_PROGRESS))
                .expectEvents(new ProgressRecorded(REF, "Still going", List.of("https://example.org/evaluation")));
    }

    @ParameterizedTest
    @EnumSource(value = ActionStatus.class, names = {"NOT_STARTED", "CARRIED_FORWARD", "CLOSED"})
    void refusesAStatusThatAProgressUpdateCannotSet(ActionStatus status) {
        fixture.given(PUBLISHED)
                .when(progress("Done with it", status))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not " + status))
                .expectNoEvents();
    }

    @Test
    void refusesProgressOnACompletedAction() {
        fixture.given(PUBLISHED, new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.COMPLETED))
                .when(progress("More work", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ended"))
                .expectNoEvents();
    }

    @Test
    void refusesAChangeMadeAgainstAStaleVersion() {
        fixture.given(PUBLISHED, new ProgressRecorded(REF, "first", List.of()))
                .when(new RecordProgress(REF, 0L, "based on version 0", null, List.of(), null, null))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void acceptsAChangeMadeAgainstTheCurrentVersion() {
        fixture.given(PUBLISHED, new ProgressRecorded(REF, "first", List.of()))
                .when(new RecordProgress(REF, 1L, "based on version 1", null, List.of(), null, null))
                .expectEvents(new ProgressRecorded(REF, "based on version 1", List.of()));
    }

    @Test
    void reassignsTheOwnerUnderADecision() {
        fixture.given(PUBLISHED)
                .when(new ReassignOwner(REF, null, "slwg-b", "Aim B work moves to its SLWG", "TF-2024-01/3"))
                .expectEvents(new OwnerReassigned(REF, "service-managers-network", "slwg-b"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesAReassignmentWithoutADecision() {
        fixture.given(PUBLISHED)
                .when(new ReassignOwner(REF, null, "slwg-b", "no mandate", " "))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("needs a mandate"))
                .expectNoEvents();
    }

    @Test
    void refusesAReassignmentToTheCurrentOwner() {
        fixture.given(PUBLISHED)
                .when(new ReassignOwner(REF, null, "service-managers-network", "again", "TF-2024-01/3"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already owned"))
                .expectNoEvents();
    }

    @Test
    void refusesAReassignmentOfAClosedAction() {
        fixture.given(PUBLISHED, new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.CLOSED))
                .when(new ReassignOwner(REF, null, "slwg-b", "too late", "TF-2024-01/3"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void followsEachReassignmentSoTheNextOneStartsFromTheNewOwner() {
        fixture.given(PUBLISHED, new OwnerReassigned(REF, "service-managers-network", "slwg-b"))
                .when(new ReassignOwner(REF, null, "task-force", "escalated", "TF-2024-02/1"))
                .expectEvents(new OwnerReassigned(REF, "slwg-b", "task-force"));
    }

    private static RecordProgress progress(String summary, ActionStatus status) {
        return new RecordProgress(REF, null, summary, status, List.of("https://example.org/evaluation"),
                LocalDate.of(2024, 1, 15), null);
    }
}
