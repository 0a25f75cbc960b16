package org.planledger.query.traceability;

import io.swagger.v3.oas.annotations.media.Schema;
import org.planledger.query.changes.Change;
import org.planledger.query.meeting.MeetingView;

import java.util.List;

/** Changes traced to the decisions that authorised them, and what could not be traced. */
public final class Traceability {

    private Traceability() {
    }

    /** A meeting's decisions, each with the changes made under it. */
    @Schema(name = "MeetingTraceability")
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
    @Schema(name = "TraceabilityReport")
    public record Report(List<Unmandated> unmandatedChanges, List<Unacted> unactedDecisions) {
    }

    @Schema(name = "UnmandatedChange")
    public record Unmandated(Change change, String problem) {
    }

    /** {@code neverActedOn}: nothing at all has been done under the decision. */
    @Schema(name = "DecisionNotActedOn")
    public record Unacted(String decisionId, String meetingId, String text, List<String> actionsNotActedOn,
                          boolean neverActedOn) {
    }
}
