package org.planledger.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.AlreadyExists;
import org.planledger.command.InMemoryRecords;
import org.planledger.command.RuleViolation;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.BodyKind;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.Timeframe;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

import static org.planledger.command.Refusals.refuses;

class PlanVersionTest {

    private static final List<Aim> AIMS = List.of(new Aim("A", "Person Centred Care", "statement A"),
            new Aim("B", "Access to Care", "statement B"));

    private static final ActionRef EARLIER = ActionRef.parse("chronic-pain/2022-07/9");

    private FixtureConfiguration<PlanVersion> fixture;
    private final Map<ActionRef, List<ActionRef>> carriedForward = new LinkedHashMap<>();
    private RuleViolation lineageRefusal;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanVersion.class);
        fixture.registerInjectableResource(new InMemoryRecords()
                .body("slwg-a", BodyKind.SHORT_LIFE_WORKING_GROUP, null)
                .disbandedBody("old-group"));
        fixture.registerInjectableResource((ActionLineage) laterByEarlier -> {
            if (lineageRefusal != null) {
                throw lineageRefusal;
            }
            carriedForward.putAll(laterByEarlier);
        });
    }

    @Test
    void publishesTheVersionThenEachActionAndCarriesForwardWhatTheyContinue() {
        fixture.givenNoPriorActivity()
                .when(publish("2023-11", List.of(action(1, "A", List.of()), action(2, "B", List.of(EARLIER)))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new PlanVersionPublished("chronic-pain", "2023-11", "Update", LocalDate.of(2023, 11, 1), AIMS),
                        new ActionPublished(ActionRef.parse("chronic-pain/2023-11/1"), "A", "Action 1", "what 1",
                                Timeframe.LONG, null, ActionStatus.NOT_STARTED, List.of()),
                        new ActionPublished(ActionRef.parse("chronic-pain/2023-11/2"), "B", "Action 2", "what 2",
                                Timeframe.LONG, null, ActionStatus.IN_PROGRESS, List.of(EARLIER)))
                .expectResultMessagePayload("chronic-pain/2023-11");
        assertThat(carriedForward).containsExactly(Map.entry(EARLIER, List.of(ActionRef.parse("chronic-pain/2023-11/2"))));
    }

    @Test
    void carriesForwardOneEarlierActionIntoEveryLaterActionThatContinuesIt() {
        fixture.givenNoPriorActivity()
                .when(publish("2023-11", List.of(action(1, "A", List.of(EARLIER)), action(2, "B", List.of(EARLIER)))))
                .expectSuccessfulHandlerExecution();
        assertThat(carriedForward).containsExactly(Map.entry(EARLIER,
                List.of(ActionRef.parse("chronic-pain/2023-11/1"), ActionRef.parse("chronic-pain/2023-11/2"))));
    }

    @Test
    void refusesTheWholeVersionWhenAnEarlierActionCannotBeContinued() {
        lineageRefusal = new RuleViolation("chronic-pain/2022-07/9 is CLOSED");
        refuses(fixture, publish("2023-11", List.of(action(1, "A", List.of(EARLIER)))), "is CLOSED");
    }

    @Test
    void publishesActionsWithTheirOwners() {
        fixture.givenNoPriorActivity()
                .when(publish("2023-11", List.of(new PublishPlanVersion.NewAction(1, "A", "t", null, Timeframe.SHORT, "slwg-a", List.of()))))
                .expectEvents(new PlanVersionPublished("chronic-pain", "2023-11", "Update", LocalDate.of(2023, 11, 1), AIMS),
                        new ActionPublished(ActionRef.parse("chronic-pain/2023-11/1"), "A", "t", null, Timeframe.SHORT,
                                "slwg-a", ActionStatus.NOT_STARTED, List.of()));
    }

    @Test
    void refusesAnOwnerThatIsNotAnEstablishedBody() {
        refuses(fixture, publish("2023-11", List.of(new PublishPlanVersion.NewAction(1, "A", "t", null, null, "nobody", List.of()))),
                "owned by nobody, which is not an established body");
    }

    @Test
    void refusesADisbandedOwner() {
        refuses(fixture, publish("2023-11", List.of(new PublishPlanVersion.NewAction(1, "A", "t", null, null, "old-group", List.of()))),
                "has been disbanded");
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
        refuses(fixture, publish("2023-11", List.of()), "at least one action");
    }

    @Test
    void refusesTwoActionsWithOneNumber() {
        refuses(fixture, publish("2023-11", List.of(action(1, "A", List.of()), action(1, "B", List.of()))),
                "action number 1 appears more than once");
    }

    @Test
    void refusesAnActionUnderAnAimTheVersionDoesNotHave() {
        refuses(fixture, publish("2023-11", List.of(action(1, "D", List.of()))), "names aim D");
    }

    @Test
    void refusesAnAimGivenTwice() {
        PublishPlanVersion command = new PublishPlanVersion("chronic-pain", "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(AIMS.get(0), AIMS.get(0)), List.of(new PublishPlanVersion.NewAction(1, "A", "t", null, null, null, List.of())));
        refuses(fixture, command, "aim A appears more than once");
    }

    @Test
    void refusesAnActionContinuingOneOfItsOwnVersion() {
        refuses(fixture, publish("2023-11", List.of(action(1, "A", List.of(ActionRef.parse("chronic-pain/2023-11/2"))))),
                "not an action of an earlier version");
    }

    @Test
    void refusesAnActionContinuingOneOfAnotherPlan() {
        refuses(fixture, publish("2023-11", List.of(action(1, "A", List.of(ActionRef.parse("diabetes/2022-07/2"))))),
                "not an action of an earlier version");
    }

    private static PublishPlanVersion publish(String versionId, List<PublishPlanVersion.NewAction> actions) {
        return new PublishPlanVersion("chronic-pain", versionId, "Update", LocalDate.of(2023, 11, 1), AIMS, actions);
    }

    private static PublishPlanVersion.NewAction action(int number, String aim, List<ActionRef> continues) {
        return new PublishPlanVersion.NewAction(number, aim, "Action " + number, "what " + number, Timeframe.LONG, null, continues);
    }
}
