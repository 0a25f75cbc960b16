package org.planledger.command.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.planledger.command.GovernedCommand;
import org.planledger.command.StreamIds;
import org.planledger.events.ActionRef;
import org.planledger.events.MinuteItem;
import org.planledger.events.Person;

import java.time.LocalDate;
import java.util.List;

/** The commands about meetings, their minutes and their decisions. */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    /** Commands addressed to a meeting's stream, {@code meeting:{meetingId}}. */
    public interface MeetingCommand extends GovernedCommand {

        String meetingId();

        @TargetAggregateIdentifier
        default String streamId() {
            return StreamIds.meeting(meetingId());
        }
    }

    public record ScheduleMeeting(String meetingId, String bodyId, LocalDate heldOn, String title)
            implements MeetingCommand {
    }

    public record RecordAttendance(String meetingId, List<Person> present, List<Person> apologies)
            implements MeetingCommand {
        public RecordAttendance {
            present = List.copyOf(present);
            apologies = apologies == null ? List.of() : List.copyOf(apologies);
        }
    }

    public record DraftMinutes(String meetingId, List<MinuteItem> items) implements MeetingCommand {
        public DraftMinutes {
            items = List.copyOf(items);
        }
    }

    /** Approve a meeting's minutes at a later meeting of the same body, {@code approvedAt}. */
    public record ApproveMinutes(String meetingId, String approvedAt) implements MeetingCommand {
    }

    public record PublishMinutes(String meetingId) implements MeetingCommand {
    }

    /** Replace approved minutes' items; the approved text stays on record. */
    public record AmendMinutes(String meetingId, List<MinuteItem> items, String reason) implements MeetingCommand {
        public AmendMinutes {
            items = List.copyOf(items);
        }
    }

    /**
     * Record a decision taken at a meeting; its stream is {@code decision:{decisionId}}. Not a governed command: a
     * decision is the authority for later changes, not a change made under one.
     */
    public record RecordDecision(String meetingId, String decisionId, String text, List<ActionRef> actions) {
        public RecordDecision {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return StreamIds.decision(decisionId);
        }
    }
}
