package org.planledger.query.meeting;

import org.planledger.query.changes.Change;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Meetings, minutes and decisions as the API shows them. */
public final class MeetingView {

    private MeetingView() {
    }

    public record Summary(String meetingId, String bodyId, LocalDate heldOn, String title, String minutesState) {
    }

    /** One meeting: who came, its minutes (every text they have had) and the decisions taken at it. */
    public record Detail(String meetingId, String bodyId, LocalDate heldOn, String title, JsonNode present,
                         JsonNode apologies, Minutes minutes, List<DecisionSummary> decisions, long version) {
    }

    /** Where the minutes stand and what they say now; revisions keep every draft and amendment, oldest first. */
    public record Minutes(String state, JsonNode items, String approvedAt, List<Revision> revisions) {
    }

    public record Revision(long position, String kind, JsonNode items, String reason, String actor, Instant recordedAt) {
    }

    public record DecisionSummary(String decisionId, String text, List<String> actions) {
    }

    /** A decision, the meeting that took it, and every change made under it. */
    public record Decision(String decisionId, String text, List<String> actions, Summary meeting, String actor,
                           Instant recordedAt, List<Change> changes) {
    }
}
