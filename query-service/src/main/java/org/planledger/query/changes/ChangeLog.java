package org.planledger.query.changes;

import org.planledger.events.ActionRef;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

/** Reads the change log. */
@Repository
public class ChangeLog {

    private final JdbcClient jdbc;
    private final RowMapper<Change> change;

    public ChangeLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.change = (rs, row) -> new Change(rs.getLong("event_position"), rs.getString("event_type"),
                rs.getString("subject"), rs.getLong("sequence_number"),
                rs.getString("before") == null ? null : json.readTree(rs.getString("before")),
                rs.getString("after") == null ? null : json.readTree(rs.getString("after")),
                rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("effective_on", LocalDate.class), rs.getString("reason"), rs.getString("decision_id"),
                rs.getString("correlation_id"), rs.getString("command_id"));
    }

    /** Every change to one action, in the order they happened to it. */
    public List<Change> ofAction(ActionRef action) {
        return jdbc.sql("""
                        SELECT * FROM change_log WHERE plan_id = ? AND version_id = ? AND action_number = ?
                         ORDER BY sequence_number""")
                .params(action.planId(), action.versionId(), action.number())
                .query(change).list();
    }

    /** Every change that cited a decision as its authority, oldest first. */
    public List<Change> underDecision(String decisionId) {
        return jdbc.sql("SELECT * FROM change_log WHERE decision_id = ? ORDER BY event_position")
                .param(decisionId)
                .query(change).list();
    }

    /** Every change to one body, oldest first. */
    public List<Change> ofBody(String bodyId) {
        return jdbc.sql("SELECT * FROM change_log WHERE body_id = ? ORDER BY event_position")
                .param(bodyId)
                .query(change).list();
    }
}
