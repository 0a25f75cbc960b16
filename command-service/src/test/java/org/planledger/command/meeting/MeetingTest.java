package org.planledger.command.meeting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.AlreadyExists;
import org.planledger.command.InMemoryRecords;
import org.planledger.command.meeting.MeetingCommands.AmendMinutes;
import org.planledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.planledger.command.meeting.MeetingCommands.DraftMinutes;
import org.planledger.command.meeting.MeetingCommands.PublishMinutes;
import org.planledger.command.meeting.MeetingCommands.RecordAttendance;
import org.planledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.BodyKind;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MinuteItem;
import org.planledger.events.MinutesAmended;
import org.planledger.events.MinutesApproved;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.MinutesPublished;
import org.planledger.events.Person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.planledger.command.Refusals.refuses;


class MeetingTest {

    private static final LocalDate JANUARY = LocalDate.of(2024, 1, 15);
    private static final MeetingScheduled HELD = new MeetingScheduled("tf-2024-01", "task-force", JANUARY, "Task Force, January");
    private static final List<MinuteItem> DRAFT = List.of(new MinuteItem(1, "Aim B", "SLWG B to take Action 7"));
    private static final List<MinuteItem> AMENDED = List.of(new MinuteItem(1, "Aim B", "SLWG B to take Actions 7 and 8"));

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(new InMemoryRecords()
                .body("task-force", BodyKind.TASK_FORCE, null)
                .body("slwg-a", BodyKind.SHORT_LIFE_WORKING_GROUP, null)
                .disbandedBody("old-group")
                .meeting("tf-2024-01", "task-force", JANUARY)
                .meeting("tf-2024-02", "task-force", LocalDate.of(2024, 2, 12))
                .meeting("tf-2023-12", "task-force", LocalDate.of(2023, 12, 11))
                .meeting("tf-2024-06", "task-force", LocalDate.of(2024, 6, 10))
                .meeting("slwg-a-2024-02", "slwg-a", LocalDate.of(2024, 2, 20)));
    }

    @Test
    void schedulesAMeetingOfABody() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting("tf-2024-01", "task-force", JANUARY, "Task Force, January"))
                .expectEvents(HELD);
    }

    @Test
    void refusesToScheduleAMeetingTwice() {
        fixture.given(HELD)
                .when(new ScheduleMeeting("tf-2024-01", "task-force", JANUARY, "again"))
                .expectException(AlreadyExists.class);
    }

    @Test
    void refusesAMeetingOfABodyThatDoesNotExist() {
        refuses(fixture, new ScheduleMeeting("x-1", "nobody", JANUARY, "x"), "no body nobody");
    }

    @Test
    void refusesAMeetingOfADisbandedBody() {
        refuses(fixture, new ScheduleMeeting("x-2", "old-group", JANUARY, "x"), "disbanded");
    }

    @Test
    void recordsAttendanceOfAHeldMeeting() {
        Person present = new Person("p-1", "Alex");
        fixture.given(HELD)
                .when(new RecordAttendance("tf-2024-01", List.of(present), List.of()))
                .expectEvents(new AttendanceRecorded("tf-2024-01", List.of(present), List.of()));
    }

    @Test
    void refusesAttendanceBeforeTheMeetingIsHeld() {
        MeetingScheduled future = new MeetingScheduled("tf-2024-06", "task-force", LocalDate.of(2024, 6, 10), "June");
        refuses(fixture, new RecordAttendance("tf-2024-06", List.of(), List.of()), "once it has been held", future);
    }

    @Test
    void refusesMinutesBeforeTheMeetingIsHeld() {
        refuses(fixture, new DraftMinutes("tf-2024-06", DRAFT), "once it has been held",
                new MeetingScheduled("tf-2024-06", "task-force", LocalDate.of(2024, 6, 10), "June"));
    }

    @Test
    void draftsAndRedraftsMinutes() {
        fixture.given(HELD, new MinutesDrafted("tf-2024-01", DRAFT))
                .when(new DraftMinutes("tf-2024-01", AMENDED))
                .expectEvents(new MinutesDrafted("tf-2024-01", AMENDED));
    }

    @Test
    void approvesMinutesAtALaterMeetingOfTheSameBody() {
        fixture.given(HELD, new MinutesDrafted("tf-2024-01", DRAFT))
                .when(new ApproveMinutes("tf-2024-01", "tf-2024-02"))
                .expectEvents(new MinutesApproved("tf-2024-01", "tf-2024-02"));
    }

    @Test
    void refusesApprovalOfMinutesNotDrafted() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "tf-2024-02"), "have not been drafted", HELD);
    }

    @Test
    void refusesApprovalAtAnEarlierMeeting() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "tf-2023-12"), "later meeting of the same body",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void refusesApprovalAtTheSameMeeting() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "tf-2024-01"), "later meeting of the same body",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void refusesApprovalAtAnotherBodysMeeting() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "slwg-a-2024-02"), "later meeting of the same body",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void refusesApprovalAtAMeetingNotYetHeld() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "tf-2024-06"), "has not been held yet", HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void refusesApprovalAtAMeetingThatDoesNotExist() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "tf-2099-01"), "no meeting tf-2099-01", HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void refusesApprovingTwice() {
        refuses(fixture, new ApproveMinutes("tf-2024-01", "tf-2024-02"), "already approved",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT), new MinutesApproved("tf-2024-01", "tf-2024-02"));
    }

    @Test
    void refusesARedraftOfApprovedMinutes() {
        refuses(fixture, new DraftMinutes("tf-2024-01", AMENDED), "change only by amendment",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT), new MinutesApproved("tf-2024-01", "tf-2024-02"));
    }

    @Test
    void publishesApprovedMinutes() {
        fixture.given(HELD, new MinutesDrafted("tf-2024-01", DRAFT), new MinutesApproved("tf-2024-01", "tf-2024-02"))
                .when(new PublishMinutes("tf-2024-01"))
                .expectEvents(new MinutesPublished("tf-2024-01"));
    }

    @Test
    void refusesToPublishMinutesTwice() {
        refuses(fixture, new PublishMinutes("tf-2024-01"), "already published", HELD, new MinutesDrafted("tf-2024-01", DRAFT),
                new MinutesApproved("tf-2024-01", "tf-2024-02"), new MinutesPublished("tf-2024-01"));
    }

    @Test
    void refusesToPublishMinutesNotApproved() {
        refuses(fixture, new PublishMinutes("tf-2024-01"), "must be approved", HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void amendsApprovedMinutesWithAReason() {
        fixture.given(HELD, new MinutesDrafted("tf-2024-01", DRAFT), new MinutesApproved("tf-2024-01", "tf-2024-02"),
                        new MinutesPublished("tf-2024-01"))
                .when(new AmendMinutes("tf-2024-01", AMENDED, "Action 8 was omitted"))
                .expectEvents(new MinutesAmended("tf-2024-01", AMENDED));
    }

    @Test
    void refusesToAmendMinutesNotYetApproved() {
        refuses(fixture, new AmendMinutes("tf-2024-01", AMENDED, "typo"), "redraft", HELD, new MinutesDrafted("tf-2024-01", DRAFT));
    }

    @Test
    void refusesAnAmendmentWithoutAReason() {
        refuses(fixture, new AmendMinutes("tf-2024-01", AMENDED, " "), "needs a reason",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT), new MinutesApproved("tf-2024-01", "tf-2024-02"));
    }

    @Test
    void refusesAnAmendmentThatChangesNothing() {
        refuses(fixture, new AmendMinutes("tf-2024-01", DRAFT, "no change"), "same as the minutes",
                HELD, new MinutesDrafted("tf-2024-01", DRAFT), new MinutesApproved("tf-2024-01", "tf-2024-02"));
    }

}
