package org.planledger.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.AlreadyExists;
import org.planledger.command.RuleViolation;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.Timeframe;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

class PlanVersionTest {

    private static final List<Aim> AIMS = List.of(new Aim("A", "Person Centred Care", "statement A"),
            new Aim("B", "Access to Care", "statement B"));

    private FixtureConfiguration<PlanVersion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanVersion.class);
    }

    @Test
    void publishesTheVersionThenEachAction() {
        fixture.givenNoPriorActivity()
                .when(publish("2023-11", List.of(action(1, "A", List.of()), action(2, "B", List.of(ActionRef.parse("chronic-pain/2022-07/9"))))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new PlanVersionPublished("chronic-pain", "2023-11", "Update", LocalDate.of(2023, 11, 1), AIMS),
                        new ActionPublished(ActionRef.parse("chronic-pain/2023-11/1"), "A", "Action 1", "what 1",
                                Timeframe.LONG, null, ActionStatus.NOT_STARTED, List.of()),
                        new ActionPublished(ActionRef.parse("chronic-pain/2023-11/2"), "B", "Action 2", "what 2",
                                Timeframe.LONG, null, ActionStatus.NOT_STARTED, List.of(ActionRef.parse("chronic-pain/2022-07/9"))))
                .expectResultMessagePayload("chronic-pain/2023-11");
    }

    @Test
    void refusesAVersionPublishedBefore() {
        fixture.givenCommands(publish("2023-11", List.of(action(1, "A", List.of()))))
                .when(publish("2023-11", List.of(action(1, "A", List.of()))))
                .expectException(AlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void refusesAVersionWithoutActions() {
        refuses(publish("2023-11", List.of()), "at least one action");
    }

    @Test
    void refusesTwoActionsWithOneNumber() {
        refuses(publish("2023-11", List.of(action(1, "A", List.of()), action(1, "B", List.of()))),
                "action number 1 appears more than once");
    }

    @Test
    void refusesAnActionUnderAnAimTheVersionDoesNotHave() {
        refuses(publish("2023-11", List.of(action(1, "D", List.of()))), "names aim D");
    }

    @Test
    void refusesAnAimGivenTwice() {
        PublishPlanVersion command = new PublishPlanVersion("chronic-pain", "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(AIMS.get(0), AIMS.get(0)), List.of(new PublishPlanVersion.NewAction(1, "A", "t", null, null, null, List.of())));
        refuses(command, "aim A appears more than once");
    }

    @Test
    void refusesAnActionContinuingOneOfItsOwnVersion() {
        refuses(publish("2023-11", List.of(action(1, "A", List.of(ActionRef.parse("chronic-pain/2023-11/2"))))),
                "not an action of an earlier version");
    }

    @Test
    void refusesAnActionContinuingOneOfAnotherPlan() {
        refuses(publish("2023-11", List.of(action(1, "A", List.of(ActionRef.parse("diabetes/2022-07/2"))))),
                "not an action of an earlier version");
    }

    private void refuses(PublishPlanVersion command, String message) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }

    private static PublishPlanVersion publish(String versionId, List<PublishPlanVersion.NewAction> actions) {
        return new PublishPlanVersion("chronic-pain", versionId, "Update", LocalDate.of(2023, 11, 1), AIMS, actions);
    }

    private static PublishPlanVersion.NewAction action(int number, String aim, List<ActionRef> continues) {
        return new PublishPlanVersion.NewAction(number, aim, "Action " + number, "what " + number, Timeframe.LONG, null, continues);
    }
}
