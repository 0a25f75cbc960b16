package org.planledger.query.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.events.ActionRef;
import org.planledger.events.EventMetadata;
import org.planledger.web.InvalidRequest;
import org.planledger.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Plan status")
public class PlanStatusController {

    private final PlanStatusQueries queries;
    private final Clock clock;

    public PlanStatusController(PlanStatusQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/plans")
    @Operation(summary = "Every plan and its published versions")
    public Map<String, List<PlanStatus.Version>> plans() {
        return queries.plans();
    }

    @GetMapping("/api/plans/{planId}/status")
    @Operation(summary = "The plan version in force today, its aims and actions with owner, timeframe, status and latest progress")
    public PlanStatus status(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                             @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt) {
        if (asOf != null || knownAt != null) {
            // Time travel needs the temporal read models (issue #4); answering with today's plan would mislead.
            throw new InvalidRequest(asOf != null ? "asOf" : "knownAt",
                    "the plan as of another time is not available yet; omit it for the plan as it stands now");
        }
        LocalDate today = LocalDate.now(clock.withZone(EventMetadata.ZONE));
        PlanStatus.Version version = queries.versionInForce(planId, today).orElseThrow(() -> new NotFound(
                queries.planExists(planId)
                        ? "plan " + planId + " has no version in force on " + today
                        : "there is no plan " + planId));
        return new PlanStatus(planId, version, queries.aims(planId, version.versionId()));
    }

    @GetMapping("/api/plans/{planId}/versions/{versionId}/actions/{number}")
    @Operation(summary = "One action as it stands now; its ETag is the version to send as If-Match")
    public ResponseEntity<PlanStatus.ActionState> action(
            @PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
            @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
            @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number) {
        ActionRef ref = new ActionRef(planId, versionId, number);
        PlanStatus.ActionState action = queries.action(ref)
                .orElseThrow(() -> new NotFound("there is no action " + ref));
        return ResponseEntity.ok().eTag(Long.toString(action.version())).body(action);
    }
}
