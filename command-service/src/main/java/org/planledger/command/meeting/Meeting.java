package org.planledger.command.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.planledger.command.AlreadyExists;
import org.planledger.command.GovernanceRecords;
import org.planledger.command.RuleViolation;
import org.planledger.command.StreamIds;
import org.planledger.command.meeting.MeetingCommands.AmendMinutes;
import org.planledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.planledger.command.meeting.MeetingCommands.DraftMinutes;
import org.planledger.command.meeting.MeetingCommands.PublishMinutes;
import org.planledger.command.meeting.MeetingCommands.RecordAttendance;
import org.planledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.EventMetadata;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MinuteItem;
import org.planledger.events.MinutesAmended;
import org.planledger.events.MinutesApproved;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.MinutesPublished;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A meeting of a body, and its minutes: drafted (and redrafted) after the meeting is held, approved at a later
 * meeting of the same body, then published. Approved minutes change only by amendment, which keeps the approved
 * text on record. Handlers return the meeting's version.
 */
@Aggregate
public class Meeting {

    /** Where the minutes stand. */
    enum MinutesState { NONE, DRAFT, APPROVED, PUBLISHED }

    @AggregateIdentifier
    private String streamId;
    private String meetingId;
    private String bodyId;
    private LocalDate heldOn;
    private MinutesState minutes = MinutesState.NONE;
    private List<MinuteItem> items = List.of();

    protected Meeting() {
        // for Axon, which creates an empty meeting before scheduling it and rebuilds it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ScheduleMeeting command, GovernanceRecords records) {
        if (streamId != null) {
            throw new AlreadyExists("meeting " + meetingId + " is already scheduled");
        }
        GovernanceRecords.BodyFacts body = records.body(command.bodyId()).orElseThrow(() ->
                new RuleViolation("there is no body " + command.bodyId() + " to meet"));
        if (body.disbanded()) {
            throw new RuleViolation("body " + command.bodyId() + " has been disbanded and no longer meets");
        }
        apply(new MeetingScheduled(command.meetingId(), command.bodyId(), command.heldOn(), command.title()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordAttendance command, Clock clock) {
        refuseBeforeHeld(clock, "attendance");
        apply(new AttendanceRecorded(meetingId, command.present(), command.apologies()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DraftMinutes command, Clock clock) {
        refuseBeforeHeld(clock, "minutes");
        if (minutes == MinutesState.APPROVED || minutes == MinutesState.PUBLISHED) {
            throw new RuleViolation("the minutes of " + meetingId + " are approved; they change only by amendment, with a reason");
        }
        apply(new MinutesDrafted(meetingId, command.items()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ApproveMinutes command, GovernanceRecords records, Clock clock) {
        if (minutes == MinutesState.NONE) {
            throw new RuleViolation("the minutes of " + meetingId + " have not been drafted");
        }
        if (minutes != MinutesState.DRAFT) {
            throw new RuleViolation("the minutes of " + meetingId + " are already approved");
        }
        GovernanceRecords.MeetingFacts at = records.meeting(command.approvedAt()).orElseThrow(() ->
                new RuleViolation("there is no meeting " + command.approvedAt() + " to approve the minutes at"));
        if (!at.bodyId().equals(bodyId) || !at.heldOn().isAfter(heldOn)) {
            throw new RuleViolation("minutes are approved at a later meeting of the same body; " + command.approvedAt()
                    + " is a meeting of " + at.bodyId() + " on " + at.heldOn() + ", this one of " + bodyId + " on " + heldOn);
        }
        if (at.heldOn().isAfter(today(clock))) {
            throw new RuleViolation("meeting " + command.approvedAt() + " has not been held yet");
        }
        apply(new MinutesApproved(meetingId, command.approvedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PublishMinutes command) {
        if (minutes == MinutesState.PUBLISHED) {
            throw new RuleViolation("the minutes of " + meetingId + " are already published");
        }
        if (minutes != MinutesState.APPROVED) {
            throw new RuleViolation("the minutes of " + meetingId + " must be approved before they are published");
        }
        apply(new MinutesPublished(meetingId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AmendMinutes command) {
        if (minutes != MinutesState.APPROVED && minutes != MinutesState.PUBLISHED) {
            throw new RuleViolation("only approved minutes are amended; redraft the minutes of " + meetingId + " instead");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("an amendment to approved minutes needs a reason");
        }
        if (command.items().equals(items)) {
            throw new RuleViolation("the amendment is the same as the minutes it would replace");
        }
        apply(new MinutesAmended(meetingId, command.items()));
        return AggregateLifecycle.getVersion();
    }

    private void refuseBeforeHeld(Clock clock, String what) {
        if (heldOn.isAfter(today(clock))) {
            throw new RuleViolation("meeting " + meetingId + " is on " + heldOn + "; its " + what
                    + " can be recorded once it has been held");
        }
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(EventMetadata.ZONE));
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        streamId = StreamIds.meeting(event.meetingId());
        meetingId = event.meetingId();
        bodyId = event.bodyId();
        heldOn = event.heldOn();
    }

    @EventSourcingHandler
    void on(MinutesDrafted event) {
        minutes = MinutesState.DRAFT;
        items = event.items();
    }

    @EventSourcingHandler
    void on(MinutesApproved event) {
        minutes = MinutesState.APPROVED;
    }

    @EventSourcingHandler
    void on(MinutesPublished event) {
        minutes = MinutesState.PUBLISHED;
    }

    @EventSourcingHandler
    void on(MinutesAmended event) {
        items = event.items();
    }
}
