package org.planledger.eventstore;

import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.BodyRemitChanged;
import org.planledger.events.BodyRenamed;
import org.planledger.events.ChairAppointed;
import org.planledger.events.ChairCoOpted;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.LedgerEvent;
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
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.events.TimeframeChanged;

import java.time.LocalDate;
import java.util.List;

/** One example of each event type, matching the stored JSON under src/test/resources/stored-events. */
final class SampleEvents {

    static final ActionRef ACTION = ActionRef.parse("chronic-pain/2023-11/7");
    private static final Person CHAIR = new Person("p-0001", "A. Chair");
    private static final Person MEMBER = new Person("p-0002", "B. Member");

    static final List<LedgerEvent> ALL = List.of(
            new PlanVersionPublished("chronic-pain", "2023-11", "Implementation plan update", LocalDate.of(2023, 11, 1),
                    List.of(new Aim("A", "Person Centred Care", "We will improve…"))),
            new ActionPublished(ACTION, "B", "Deliver a new digital approach", "Remote Healthcare Pathways…",
                    Timeframe.MEDIUM, null, ActionStatus.NOT_STARTED, List.of(ActionRef.parse("chronic-pain/2022-07/9"))),
            new ProgressRecorded(ACTION, "Pilot completed in NHS Highland", List.of("https://example.org/evaluation")),
            new ActionStatusChanged(ACTION, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS),
            new OwnerReassigned(ACTION, null, "slwg-b"),
            new TimeframeChanged(ACTION, Timeframe.MEDIUM, Timeframe.LONG),
            new ActionCarriedForward(ActionRef.parse("chronic-pain/2022-07/9"), List.of(ACTION)),
            new BodyEstablished("slwg-a", BodyKind.SHORT_LIFE_WORKING_GROUP, "Short Life Working Group A",
                    "Information and resources", "A", LocalDate.of(2022, 10, 1)),
            new BodyRenamed("slwg-a", "Short Life Working Group A", "Aim A Working Group"),
            new BodyRemitChanged("slwg-a", null, "Drive and oversee delivery of Aim A"),
            new ChairAppointed("slwg-a", CHAIR, null),
            new MemberAdded("slwg-a", MEMBER),
            new MemberRemoved("slwg-a", MEMBER),
            new ChairCoOpted("task-force", CHAIR, "slwg-a"),
            new BodyDisbanded("slwg-a", LocalDate.of(2025, 3, 31)),
            new MeetingScheduled("tf-2024-01-15", "task-force", LocalDate.of(2024, 1, 15), "Task Force, January 2024"),
            new AttendanceRecorded("tf-2024-01-15", List.of(CHAIR), List.of(MEMBER)),
            new MinutesDrafted("tf-2024-01-15", List.of(new MinuteItem(1, "Aim B", "SLWG B to take Action 7"))),
            new MinutesApproved("tf-2024-01-15", "tf-2024-02-12"),
            new MinutesPublished("tf-2024-01-15"),
            new MinutesAmended("tf-2024-01-15", List.of(new MinuteItem(1, "Aim B", "SLWG B to take Actions 7 and 8"))),
            new DecisionRecorded("TF-2024-01-D3", "tf-2024-01-15", "SLWG B takes over Action 7", List.of(ACTION)));

    private SampleEvents() {
    }
}
