package org.planledger.query.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.ActionRef;
import org.planledger.events.Identifiers;
import org.planledger.query.Instants;
import org.planledger.web.InvalidRequest;
import org.planledger.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plan status")
public class PlanStatusController {

    private final PlanStatusQueries queries;
    private final PlanDiffs diffs;
    private final Clock clock;

    public PlanStatusController(PlanStatusQueries queries, PlanDiffs diffs, Clock clock) {
        this.queries = queries;
        this.diffs = diffs;
        this.clock = clock;
    }

    @GetMapping("/api/plans")
    @Operation(operationId = "listPlans", summary = "Every plan and its published versions")
    public Map<String, List<PlanStatus.Version>> plans() {
        return queries.plans();
    }

    @GetMapping("/api/plans/{planId}/status")
    @Operation(operationId = "getPlanStatus",
            summary = "The plan as it stood at asOf (effective time) as recorded by knownAt (recorded time): the "
            + "version in force, its aims and actions with owner, timeframe, status, lineage and latest progress",
            description = "asOf and knownAt are dates (the end of that day, Europe/London) or instants with an offset; "
                    + "both default to now.")
    public PlanStatus status(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                             @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt) {
        Instant effective = Instants.endOf("asOf", asOf, clock);
        Instant recorded = Instants.endOf("knownAt", knownAt, clock);
        return queries.status(planId, effective, recorded).orElseThrow(() -> new NotFound(
                queries.planExists(planId)
                        ? "plan " + planId + " had no version in force at " + effective + " as recorded by " + recorded
                        : "there is no plan " + planId));
    }

    @GetMapping("/api/plans/{planId}/diff")
    @Operation(operationId = "comparePlan",
            summary = "What changed between two instants (from, to) or two versions (fromVersion, toVersion): "
            + "actions added, ended and carried forward, owner, timeframe and status changes, progress in between",
            description = "from and to read like asOf; fromVersion and toVersion compare the plan at the instants the "
                    + "two versions took effect. Everything is as recorded by knownAt (default now).")
    public PlanDiff diff(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) @Pattern(regexp = Identifiers.VERSION) String fromVersion,
                         @RequestParam(required = false) @Pattern(regexp = Identifiers.VERSION) String toVersion,
                         @RequestParam(required = false) String knownAt) {
        Instant recorded = Instants.endOf("knownAt", knownAt, clock);
        if (!queries.planExists(planId)) {
            throw new NotFound("there is no plan " + planId);
        }
        Instant start = instant("from", from, "fromVersion", fromVersion, planId, recorded);
        Instant end = instant("to", to, "toVersion", toVersion, planId, recorded);
        if (start.isAfter(end)) {
            throw new InvalidRequest("from", "must not be after to (" + start + " is after " + end + ")");
        }
        return diffs.between(planId, start, end, recorded);
    }

    /** An instant given directly or as the instant a version took effect; one of the two is required. */
    private Instant instant(String name, String value, String versionName, String versionId, String planId, Instant knownAt) {
        if ((value == null) == (versionId == null)) {
            throw new InvalidRequest(name, "give either " + name + " (a date or instant) or " + versionName
                    + " (a version id), not both or neither");
        }
        if (versionId == null) {
            return Instants.endOf(name, value, clock);
        }
        return queries.versionEffectiveFrom(planId, versionId, knownAt)
                .orElseThrow(() -> new NotFound("plan " + planId + " has no version " + versionId));
    }

    @GetMapping("/api/plans/{planId}/versions/{versionId}/actions/{number}")
    @Operation(operationId = "getAction",
            summary = "One action as it stands now; its ETag is the version to send as If-Match")
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
