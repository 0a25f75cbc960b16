package org.planledger.query.traceability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Traceability")
public class TraceabilityController {

    private final TraceabilityQueries queries;

    public TraceabilityController(TraceabilityQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/meetings/{meetingId}/traceability")
    @Operation(operationId = "getMeetingTraceability",
            summary = "A meeting's decisions, each with every change made under it")
    public Traceability.OfMeeting meeting(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId) {
        return queries.ofMeeting(meetingId).orElseThrow(() -> new NotFound("there is no meeting " + meetingId));
    }

    @GetMapping("/api/traceability")
    @Operation(operationId = "getTraceability",
            summary = "Changes that needed a mandate and lack one, and decisions not acted on")
    public Traceability.Report report() {
        return queries.report();
    }
}
