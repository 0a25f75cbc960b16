package org.planledger.command.body;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.AlreadyExists;
import org.planledger.command.InMemoryRecords;
import org.planledger.command.body.BodyCommands.AddMember;
import org.planledger.command.body.BodyCommands.AppointChair;
import org.planledger.command.body.BodyCommands.ChangeBodyDetails;
import org.planledger.command.body.BodyCommands.CoOptChair;
import org.planledger.command.body.BodyCommands.DisbandBody;
import org.planledger.command.body.BodyCommands.EstablishBody;
import org.planledger.command.body.BodyCommands.RemoveMember;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.BodyRemitChanged;
import org.planledger.events.BodyRenamed;
import org.planledger.events.ChairAppointed;
import org.planledger.events.ChairCoOpted;
import org.planledger.events.MemberAdded;
import org.planledger.events.MemberRemoved;
import org.planledger.events.Person;

import java.time.LocalDate;

import static org.planledger.command.Refusals.refuses;


class BodyTest {

    private static final Person ALEX = new Person("p-1", "Alex Chair");
    private static final Person BLAIR = new Person("p-2", "Blair Member");
    private static final Person SLWG_CHAIR = new Person("p-9", "Sam SLWG Chair");
    private static final LocalDate OCTOBER_2022 = LocalDate.of(2022, 10, 1);
    private static final BodyEstablished SLWG_A = new BodyEstablished("slwg-a", BodyKind.SHORT_LIFE_WORKING_GROUP,
            "Short Life Working Group A", "Aim A", "A", OCTOBER_2022);
    private static final BodyEstablished TASK_FORCE = new BodyEstablished("task-force", BodyKind.TASK_FORCE,
            "Pain Management Task Force", "Oversees the plan", null, null);

    private FixtureConfiguration<Body> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Body.class);
        fixture.registerInjectableResource(new InMemoryRecords()
                .body("slwg-a", BodyKind.SHORT_LIFE_WORKING_GROUP, SLWG_CHAIR)
                .body("slwg-b", BodyKind.SHORT_LIFE_WORKING_GROUP, null)
                .disbandedBody("old-group"));
    }

    @Test
    void establishesABody() {
        fixture.givenNoPriorActivity()
                .when(new EstablishBody("slwg-a", BodyKind.SHORT_LIFE_WORKING_GROUP, "Short Life Working Group A", "Aim A",
                        "A", OCTOBER_2022))
                .expectEvents(SLWG_A)
                .expectResultMessagePayload(0L);
    }

    @Test
    void refusesToEstablishABodyTwice() {
        fixture.given(SLWG_A)
                .when(new EstablishBody("slwg-a", BodyKind.NETWORK, "Again", null, null, null))
                .expectException(AlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void renamesABodyAndChangesItsRemit() {
        fixture.given(SLWG_A)
                .when(new ChangeBodyDetails("slwg-a", "Aim A Working Group", "Information and engagement", "new remit", null))
                .expectEvents(new BodyRenamed("slwg-a", "Short Life Working Group A", "Aim A Working Group"),
                        new BodyRemitChanged("slwg-a", "Aim A", "Information and engagement"));
    }

    @Test
    void refusesDetailsThatChangeNothing() {
        refuses(fixture, new ChangeBodyDetails("slwg-a", "Short Life Working Group A", null, "none", null), "nothing would change", SLWG_A);
    }

    @Test
    void appointsAndReplacesAChair() {
        fixture.given(SLWG_A, new ChairAppointed("slwg-a", ALEX, null))
                .when(new AppointChair("slwg-a", BLAIR, "Alex stepped down", null))
                .expectEvents(new ChairAppointed("slwg-a", BLAIR, ALEX));
    }

    @Test
    void refusesToAppointTheCurrentChairAgain() {
        refuses(fixture, new AppointChair("slwg-a", ALEX, null, null), "already chairs", SLWG_A, new ChairAppointed("slwg-a", ALEX, null));
    }

    @Test
    void addsAndRemovesMembers() {
        fixture.given(SLWG_A, new MemberAdded("slwg-a", BLAIR))
                .when(new RemoveMember("slwg-a", "p-2", "left the NHS", null))
                .expectEvents(new MemberRemoved("slwg-a", BLAIR));
    }

    @Test
    void refusesToAddAMemberTwice() {
        refuses(fixture, new AddMember("slwg-a", BLAIR, null, null), "already a member", SLWG_A, new MemberAdded("slwg-a", BLAIR));
    }

    @Test
    void refusesToRemoveSomeoneWhoIsNotAMember() {
        refuses(fixture, new RemoveMember("slwg-a", "p-2", "never joined", null), "is not a member", SLWG_A);
    }

    @Test
    void coOptsAGroupsChairOntoTheTaskForce() {
        fixture.given(TASK_FORCE)
                .when(new CoOptChair("task-force", "slwg-a", "chair of an operational SLWG", null))
                .expectEvents(new ChairCoOpted("task-force", SLWG_CHAIR, "slwg-a"));
    }

    @Test
    void coOptsOnlyOntoTheTaskForce() {
        refuses(fixture, new CoOptChair("slwg-a", "slwg-a", null, null), "co-opted onto the Task Force", SLWG_A);
    }

    @Test
    void refusesToCoOptFromAGroupWithoutAChair() {
        refuses(fixture, new CoOptChair("task-force", "slwg-b", null, null), "has no chair to co-opt", TASK_FORCE);
    }

    @Test
    void refusesToCoOptFromADisbandedGroup() {
        refuses(fixture, new CoOptChair("task-force", "old-group", null, null), "no operational body old-group", TASK_FORCE);
    }

    @Test
    void refusesToCoOptTheSameChairTwice() {
        refuses(fixture, new CoOptChair("task-force", "slwg-a", null, null), "already sits on task-force", TASK_FORCE,
                new ChairCoOpted("task-force", SLWG_CHAIR, "slwg-a"));
    }

    @Test
    void disbandsABody() {
        fixture.given(SLWG_A)
                .when(new DisbandBody("slwg-a", LocalDate.of(2025, 3, 31), "work complete", null))
                .expectEvents(new BodyDisbanded("slwg-a", LocalDate.of(2025, 3, 31)));
    }

    @Test
    void refusesToDisbandABodyTwice() {
        refuses(fixture, new DisbandBody("slwg-a", LocalDate.of(2025, 4, 1), "again", null), "has been disbanded",
                SLWG_A, new BodyDisbanded("slwg-a", LocalDate.of(2025, 3, 31)));
    }

    @Test
    void refusesChangesToADisbandedBody() {
        refuses(fixture, new AddMember("slwg-a", BLAIR, null, null), "has been disbanded",
                SLWG_A, new BodyDisbanded("slwg-a", LocalDate.of(2025, 3, 31)));
    }

}
