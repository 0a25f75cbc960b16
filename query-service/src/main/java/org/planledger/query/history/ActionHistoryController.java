package org.planledger.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.events.ActionRef;
import org.planledger.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Action history")
public class ActionHistoryController {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ActionHistoryController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/plans/{planId}/versions/{versionId}/actions/{number}/history")
    @Operation(summary = "Every change to the action in order: type, before, after, actor, recordedAt, effectiveOn, reason, decisionId")
    public ActionHistory history(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                                 @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
                                 @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number) {
        ActionRef ref = new ActionRef(planId, versionId, number);
        List<ActionHistory.Change> changes = jdbc.sql("""
                        SELECT * FROM action_history WHERE plan_id = ? AND version_id = ? AND number = ?
                         ORDER BY sequence_number""")
                .params(planId, versionId, number)
                .query((rs, row) -> new ActionHistory.Change(rs.getLong("event_position"), rs.getLong("sequence_number"),
                        rs.getString("event_type"), tree(rs.getString("before")), tree(rs.getString("after")),
                        rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("reason"),
                        rs.getString("decision_id"), rs.getString("correlation_id"), rs.getString("command_id")))
                .list();
        if (changes.isEmpty()) {
            throw new NotFound("there is no action " + ref);
        }
        return new ActionHistory(ref.toString(), changes);
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
