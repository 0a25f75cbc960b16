package org.planledger.query.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.query.changes.ChangeLog;
import org.planledger.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meetings and decisions")
public class MeetingController {

    private final MeetingQueries queries;
    private final ChangeLog changeLog;

    public MeetingController(MeetingQueries queries, ChangeLog changeLog) {
        this.queries = queries;
        this.changeLog = changeLog;
    }

    @GetMapping("/api/meetings")
    @Operation(operationId = "listMeetings", summary = "Meetings, newest first, optionally of one body")
    public List<MeetingView.Summary> meetings(@RequestParam(required = false) @Pattern(regexp = Identifiers.SLUG) String body) {
        return queries.all(body);
    }

    @GetMapping("/api/meetings/{meetingId}")
    @Operation(operationId = "getMeeting",
            summary = "A meeting: attendance, its decisions, and its minutes with every draft and amendment")
    public MeetingView.Detail meeting(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId) {
        return queries.one(meetingId).orElseThrow(() -> new NotFound("there is no meeting " + meetingId));
    }

    @GetMapping("/api/decisions/{decisionId}")
    @Operation(operationId = "getDecision",
            summary = "A decision, the meeting that took it, and every change made under it")
    public MeetingView.Decision decision(@PathVariable @Pattern(regexp = Identifiers.DECISION) String decisionId) {
        MeetingQueries.DecisionRow decision = queries.decision(decisionId)
                .orElseThrow(() -> new NotFound("there is no decision " + decisionId));
        return new MeetingView.Decision(decision.decisionId(), decision.text(), decision.actions(),
                queries.summary(decision.meetingId()).orElse(null), decision.actor(), decision.recordedAt(),
                changeLog.underDecision(decisionId));
    }
}
