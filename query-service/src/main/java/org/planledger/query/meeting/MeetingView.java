package org.planledger.query.meeting;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.planledger.events.MinuteItem;
import org.planledger.events.Person;
import org.planledger.query.changes.Change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Meetings, minutes and decisions as the API shows them. */
public final class MeetingView {

    private MeetingView() {
    }

    @Schema(name = "MeetingSummary")
    public record Summary(String meetingId, String bodyId, LocalDate heldOn, String title, String minutesState) {
    }

    /** One meeting: who came, its minutes (every text they have had) and the decisions taken at it. */
    @Schema(name = "Meeting")
    public record Detail(String meetingId, String bodyId, LocalDate heldOn, String title, List<Person> present,
                         List<Person> apologies, Minutes minutes, List<DecisionSummary> decisions, long version) {
    }

    /** Where the minutes stand and what they say now; revisions keep every draft and amendment, oldest first. */
    public record Minutes(String state, @Nullable List<MinuteItem> items, @Nullable String approvedAt,
                          List<Revision> revisions) {
    }

    @Schema(name = "MinutesRevision")
    public record Revision(long position, String kind, List<MinuteItem> items, @Nullable String reason,
                           @Nullable String actor, Instant recordedAt) {
    }

    public record DecisionSummary(String decisionId, String text, List<String> actions) {
    }

    /** A decision, the meeting that took it, and every change made under it. */
    public record Decision(String decisionId, String text, List<String> actions, Summary meeting,
                           @Nullable String actor, Instant recordedAt, List<Change> changes) {
    }
}
