package org.planledger.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.ActionRef;
import org.planledger.events.Identifiers;
import org.planledger.query.changes.Change;
import org.planledger.query.changes.ChangeLog;
import org.planledger.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Action history")
public class ActionHistoryController {

    private final ChangeLog changeLog;

    public ActionHistoryController(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    @GetMapping("/api/plans/{planId}/versions/{versionId}/actions/{number}/history")
    @Operation(operationId = "getActionHistory",
            summary = "Every change to the action in order: type, before, after, actor, recordedAt, effectiveOn, "
                    + "reason, decisionId")
    public ActionHistory history(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                                 @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
                                 @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number) {
        ActionRef ref = new ActionRef(planId, versionId, number);
        List<Change> changes = changeLog.ofAction(ref);
        if (changes.isEmpty()) {
            throw new NotFound("there is no action " + ref);
        }
        return new ActionHistory(ref.toString(), changes);
    }

    /** Every change to one action, oldest first. */
    public record ActionHistory(String action, List<Change> changes) {
    }
}
