package org.planledger.command.action;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.planledger.command.InMemoryRecords;
import org.planledger.command.metadata.CommandMetadata;
import org.planledger.web.NotPermitted;
import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.BodyKind;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.events.TimeframeChanged;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.planledger.command.Refusals.refuses;


class ActionTest {

    private static final ActionRef REF = ActionRef.parse("chronic-pain/2023-11/7");
    private static final ActionRef OTHER = ActionRef.parse("chronic-pain/2023-11/8");
    private static final ActionRef LATER = ActionRef.parse("chronic-pain/2025-01/3");
    private static final ActionPublished PUBLISHED = new ActionPublished(REF, "B", "Deliver a new digital approach", null,
            Timeframe.MEDIUM, "service-managers-network", ActionStatus.NOT_STARTED, List.of());
    private static final ActionStatusChanged STARTED = new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS);

    private FixtureConfiguration<Action> fixture;
    private InMemoryRecords records;

    @BeforeEach
    void setUp() {
        records = new InMemoryRecords()
                .body("service-managers-network", BodyKind.NETWORK, null)
                .body("slwg-b", BodyKind.SHORT_LIFE_WORKING_GROUP, null)
                .body("task-force", BodyKind.TASK_FORCE, null)
                .disbandedBody("old-group")
                .decision("TF-2024-01-D3", REF)
                .decision("TF-2024-01-D4", OTHER)
                .action(LATER);
        fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerInjectableResource(records);
    }

    // progress

    @Test
    void recordsProgress() {
        fixture.given(PUBLISHED)
                .when(progress("Pilot evaluated", null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgressRecorded(REF, "Pilot evaluated", List.of("https://example.org/evaluation")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void letsTheChairOfTheOwningBodyRecordProgress() {
        fixture.given(PUBLISHED)
                .when(progress("Pilot evaluated", null, null), Map.of(CommandMetadata.ACTING_FOR, "service-managers-network"))
                .expectEvents(new ProgressRecorded(REF, "Pilot evaluated", List.of("https://example.org/evaluation")));
    }

    @Test
    void refusesProgressFromTheChairOfAnotherBody() {
        fixture.given(PUBLISHED)
                .when(progress("Pilot evaluated", null, null), Map.of(CommandMetadata.ACTING_FOR, "slwg-b"))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("the chair of slwg-b may record progress only on actions slwg-b owns; "
                        + REF + " is owned by service-managers-network");
    }

    @Test
    void refusesProgressFromTheFormerOwnersChairOnceTheActionIsReassigned() {
        fixture.given(PUBLISHED, new OwnerReassigned(REF, "service-managers-network", "slwg-b"))
                .when(progress("Still ours?", null, null), Map.of(CommandMetadata.ACTING_FOR, "service-managers-network"))
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    @Test
    void movesToTheStatusAProgressUpdateGives() {
        fixture.given(PUBLISHED)
                .when(progress("Rolled out to two boards", ActionStatus.IN_PROGRESS, null))
                .expectEvents(new ProgressRecorded(REF, "Rolled out to two boards", List.of("https://example.org/evaluation")),
                        STARTED)
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordsNoStatusChangeWhenTheStatusStaysTheSame() {
        fixture.given(PUBLISHED, STARTED)
                .when(progress("Still going", ActionStatus.IN_PROGRESS, null))
                .expectEvents(new ProgressRecorded(REF, "Still going", List.of("https://example.org/evaluation")));
    }

    @ParameterizedTest
    @EnumSource(value = ActionStatus.class, names = {"NOT_STARTED", "CARRIED_FORWARD", "CLOSED"})
    void refusesAStatusThatAProgressUpdateCannotSet(ActionStatus status) {
        refuses(fixture, progress("Done with it", status, null), "not " + status, PUBLISHED);
    }

    @ParameterizedTest
    @EnumSource(value = ActionStatus.class, names = {"COMPLETED", "CARRIED_FORWARD", "CLOSED"})
    void refusesProgressOnAnEndedAction(ActionStatus ended) {
        refuses(fixture, progress("More work", null, null), "takes no further progress unless reopened", PUBLISHED,
                new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ended));
    }

    @Test
    void acceptsProgressCitingADecisionAboutTheAction() {
        fixture.given(PUBLISHED)
                .when(progress("As decided", null, "TF-2024-01-D3"))
                .expectEvents(new ProgressRecorded(REF, "As decided", List.of("https://example.org/evaluation")));
    }

    @Test
    void refusesProgressCitingADecisionAboutAnotherAction() {
        refuses(fixture, progress("As decided", null, "TF-2024-01-D4"), "does not concern " + REF, PUBLISHED);
    }

    @Test
    void refusesProgressCitingADecisionNeverRecorded() {
        refuses(fixture, progress("As decided", null, "TF-1999-01-D1"), "decision TF-1999-01-D1 is not recorded", PUBLISHED);
    }

    // versions

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

    // ownership

    @Test
    void reassignsTheOwnerUnderADecisionAboutTheAction() {
        fixture.given(PUBLISHED)
                .when(reassign("slwg-b", "TF-2024-01-D3"))
                .expectEvents(new OwnerReassigned(REF, "service-managers-network", "slwg-b"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesAReassignmentWithoutADecision() {
        refuses(fixture, reassign("slwg-b", " "), "reassigning the owner of " + REF + " needs a mandate", PUBLISHED);
    }

    @Test
    void refusesAReassignmentUnderADecisionAboutAnotherAction() {
        refuses(fixture, reassign("slwg-b", "TF-2024-01-D4"), "decision TF-2024-01-D4 does not concern " + REF, PUBLISHED);
    }

    @Test
    void refusesAReassignmentUnderADecisionNeverRecorded() {
        refuses(fixture, reassign("slwg-b", "TF-1999-01-D1"), "is not recorded", PUBLISHED);
    }

    @Test
    void refusesAReassignmentToTheCurrentOwner() {
        refuses(fixture, reassign("service-managers-network", "TF-2024-01-D3"), "already owned", PUBLISHED);
    }

    @Test
    void refusesAReassignmentToABodyThatDoesNotExist() {
        refuses(fixture, reassign("no-such-body", "TF-2024-01-D3"), "there is no governance body no-such-body", PUBLISHED);
    }

    @Test
    void refusesAReassignmentToADisbandedBody() {
        refuses(fixture, reassign("old-group", "TF-2024-01-D3"), "has been disbanded", PUBLISHED);
    }

    @Test
    void refusesAReassignmentOfAClosedAction() {
        refuses(fixture, reassign("slwg-b", "TF-2024-01-D3"), "cannot change owner", PUBLISHED,
                new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.CLOSED));
    }

    @Test
    void followsEachReassignmentSoTheNextOneStartsFromTheNewOwner() {
        fixture.given(PUBLISHED, new OwnerReassigned(REF, "service-managers-network", "slwg-b"))
                .when(reassign("task-force", "TF-2024-01-D3"))
                .expectEvents(new OwnerReassigned(REF, "slwg-b", "task-force"));
    }

    // timeframe

    @Test
    void changesTheTimeframeUnderADecision() {
        fixture.given(PUBLISHED)
                .when(timeframe(Timeframe.LONG, "TF-2024-01-D3"))
                .expectEvents(new TimeframeChanged(REF, Timeframe.MEDIUM, Timeframe.LONG))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesATimeframeChangeWithoutADecision() {
        refuses(fixture, timeframe(Timeframe.LONG, null), "changing the timeframe of " + REF + " needs a mandate", PUBLISHED);
    }

    @Test
    void refusesATimeframeChangeUnderADecisionAboutAnotherAction() {
        refuses(fixture, timeframe(Timeframe.LONG, "TF-2024-01-D4"), "does not concern", PUBLISHED);
    }

    @Test
    void refusesATimeframeChangeThatChangesNothing() {
        refuses(fixture, timeframe(Timeframe.MEDIUM, "TF-2024-01-D3"), "already MEDIUM", PUBLISHED);
    }

    @Test
    void refusesATimeframeChangeToAnEndedAction() {
        refuses(fixture, timeframe(Timeframe.LONG, "TF-2024-01-D3"), "cannot change timeframe", PUBLISHED,
                new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.COMPLETED));
    }

    @Test
    void followsTimeframeChanges() {
        fixture.given(PUBLISHED, new TimeframeChanged(REF, Timeframe.MEDIUM, Timeframe.LONG))
                .when(timeframe(Timeframe.SHORT, "TF-2024-01-D3"))
                .expectEvents(new TimeframeChanged(REF, Timeframe.LONG, Timeframe.SHORT));
    }

    // status

    @Test
    void marksAnOpenActionAtRiskWithoutADecision() {
        fixture.given(PUBLISHED, STARTED)
                .when(status(ActionStatus.AT_RISK, List.of(), null))
                .expectEvents(new ActionStatusChanged(REF, ActionStatus.IN_PROGRESS, ActionStatus.AT_RISK));
    }

    @Test
    void closesAnActionUnderADecision() {
        fixture.given(PUBLISHED, STARTED)
                .when(status(ActionStatus.CLOSED, List.of(), "TF-2024-01-D3"))
                .expectEvents(new ActionStatusChanged(REF, ActionStatus.IN_PROGRESS, ActionStatus.CLOSED));
    }

    @Test
    void refusesToCloseAnActionWithoutADecision() {
        refuses(fixture, status(ActionStatus.CLOSED, List.of(), null), "closing " + REF + " needs a mandate", PUBLISHED, STARTED);
    }

    @Test
    void refusesToCloseAnActionUnderADecisionAboutAnotherAction() {
        refuses(fixture, status(ActionStatus.CLOSED, List.of(), "TF-2024-01-D4"), "does not concern", PUBLISHED, STARTED);
    }

    @Test
    void carriesAnActionForwardIntoALaterOneUnderADecision() {
        fixture.given(PUBLISHED, STARTED)
                .when(status(ActionStatus.CARRIED_FORWARD, List.of(LATER), "TF-2024-01-D3"))
                .expectEvents(new ActionCarriedForward(REF, List.of(LATER)),
                        new ActionStatusChanged(REF, ActionStatus.IN_PROGRESS, ActionStatus.CARRIED_FORWARD));
    }

    @Test
    void refusesToCarryForwardWithoutADecision() {
        refuses(fixture, status(ActionStatus.CARRIED_FORWARD, List.of(LATER), null), "carrying forward " + REF + " needs a mandate",
                PUBLISHED);
    }

    @Test
    void refusesToCarryForwardWithoutNamingTheLaterActions() {
        refuses(fixture, status(ActionStatus.CARRIED_FORWARD, List.of(), "TF-2024-01-D3"), "needs the later actions", PUBLISHED);
    }

    @Test
    void refusesToCarryForwardIntoAnActionOfTheSameVersion() {
        refuses(fixture, status(ActionStatus.CARRIED_FORWARD, List.of(OTHER), "TF-2024-01-D3"), "only into another version", PUBLISHED);
    }

    @Test
    void refusesToCarryForwardIntoAnActionThatDoesNotExist() {
        refuses(fixture, status(ActionStatus.CARRIED_FORWARD, List.of(ActionRef.parse("chronic-pain/2025-01/99")), "TF-2024-01-D3"),
                "there is no action chronic-pain/2025-01/99", PUBLISHED);
    }

    @Test
    void refusesLaterActionsUnlessCarryingForward() {
        refuses(fixture, status(ActionStatus.COMPLETED, List.of(LATER), null), "only carrying an action forward", PUBLISHED);
    }

    @Test
    void reopensAnEndedActionUnderADecision() {
        fixture.given(PUBLISHED, new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.COMPLETED))
                .when(status(ActionStatus.IN_PROGRESS, List.of(), "TF-2024-01-D3"))
                .expectEvents(new ActionStatusChanged(REF, ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS));
    }

    @Test
    void refusesToReopenAnEndedActionWithoutADecision() {
        refuses(fixture, status(ActionStatus.IN_PROGRESS, List.of(), null), "reopening " + REF + " needs a mandate", PUBLISHED,
                new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.CLOSED));
    }

    @Test
    void refusesToMarkAClosedActionCompletedWithoutADecision() {
        refuses(fixture, status(ActionStatus.COMPLETED, List.of(), null), "marking as completed " + REF + " needs a mandate", PUBLISHED,
                new ActionStatusChanged(REF, ActionStatus.NOT_STARTED, ActionStatus.CLOSED));
    }

    @Test
    void refusesToGoBackToNotStarted() {
        refuses(fixture, status(ActionStatus.NOT_STARTED, List.of(), "TF-2024-01-D3"), "cannot go back to NOT_STARTED", PUBLISHED, STARTED);
    }

    @Test
    void refusesAStatusChangeThatChangesNothing() {
        refuses(fixture, status(ActionStatus.IN_PROGRESS, List.of(), null), "already IN_PROGRESS", PUBLISHED, STARTED);
    }


    private static RecordProgress progress(String summary, ActionStatus status, String decisionId) {
        return new RecordProgress(REF, null, summary, status, List.of("https://example.org/evaluation"),
                LocalDate.of(2024, 1, 15), decisionId);
    }

    private static ReassignOwner reassign(String owner, String decisionId) {
        return new ReassignOwner(REF, null, owner, "Aim B work moves to its SLWG", decisionId, null);
    }

    private static ChangeTimeframe timeframe(Timeframe timeframe, String decisionId) {
        return new ChangeTimeframe(REF, null, timeframe, "slipped a year", decisionId, null);
    }

    private static ChangeStatus status(ActionStatus status, List<ActionRef> into, String decisionId) {
        return new ChangeStatus(REF, null, status, into, "as minuted", decisionId, null);
    }
}
