package org.planledger.query.traceability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.query.changes.ChangeLog;
import org.planledger.query.meeting.MeetingQueries;
import org.planledger.query.meeting.MeetingView;
import org.planledger.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Traceability")
public class TraceabilityController {

    private final TraceabilityQueries queries;
    private final MeetingQueries meetings;
    private final ChangeLog changeLog;

    public TraceabilityController(TraceabilityQueries queries, MeetingQueries meetings, ChangeLog changeLog) {
        this.queries = queries;
        this.meetings = meetings;
        this.changeLog = changeLog;
    }

    @GetMapping("/api/meetings/{meetingId}/traceability")
    @Operation(summary = "A meeting's decisions, each with every change made under it")
    public Traceability.OfMeeting meeting(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId) {
        MeetingView.Detail meeting = meetings.one(meetingId)
                .orElseThrow(() -> new NotFound("there is no meeting " + meetingId));
        return new Traceability.OfMeeting(meetings.summary(meetingId).orElseThrow(),
                meeting.decisions().stream()
                        .map(d -> new Traceability.DecisionTrace(d.decisionId(), d.text(), d.actions(),
                                changeLog.underDecision(d.decisionId())))
                        .toList());
    }

    @GetMapping("/api/traceability")
    @Operation(summary = "Changes that needed a mandate and lack one, and decisions not acted on")
    public Traceability.Report report() {
        return queries.report();
    }
}
