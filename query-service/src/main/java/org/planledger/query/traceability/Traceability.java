package org.planledger.query.traceability;

import org.planledger.query.changes.Change;
import org.planledger.query.meeting.MeetingView;

import java.util.List;

/** Changes traced to the decisions that authorised them, and what could not be traced. */
public final class Traceability {

    private Traceability() {
    }

    /** A meeting's decisions, each with the changes made under it. */
    public record OfMeeting(MeetingView.Summary meeting, List<DecisionTrace> decisions) {
    }

    public record DecisionTrace(String decisionId, String text, List<String> actions, List<Change> changes) {
    }

    /**
     * The exceptions an auditor looks for.
     *
     * @param unmandatedChanges changes that needed a mandate and lack one, each with what is wrong with it
     * @param unactedDecisions  decisions naming actions under which nothing has been done to some of them
     */
    public record Report(List<Unmandated> unmandatedChanges, List<Unacted> unactedDecisions) {
    }

    public record Unmandated(Change change, String problem) {
    }

    /** {@code neverActedOn}: nothing at all has been done under the decision. */
    public record Unacted(String decisionId, String meetingId, String text, List<String> actionsNotActedOn,
                          boolean neverActedOn) {
    }
}
