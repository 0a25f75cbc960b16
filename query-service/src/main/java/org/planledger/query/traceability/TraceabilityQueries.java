package org.planledger.query.traceability;

import org.planledger.query.changes.Change;
import org.planledger.query.changes.ChangeLog;
import org.planledger.query.meeting.MeetingQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the exceptions to the mandate rules in the change log. The command service refuses such changes, so on a
 * healthy ledger both lists are empty; they catch events that reached the store another way, and rules that
 * changed after events were recorded.
 */
@Repository
public class TraceabilityQueries {

    /**
     * The changes that need a mandate (see docs/domain.md): reassigning, changing a timeframe, closing, reopening and
     * carrying forward. Carrying forward by publishing a version has the publication as its mandate: the events share
     * the publication's command id.
     */
    private static final String NEEDS_MANDATE = """
            c.action_number IS NOT NULL
            AND (c.event_type IN ('OwnerReassigned', 'TimeframeChanged')
                 OR (c.event_type = 'ActionStatusChanged'
                     AND (c.after ->> 'status' IN ('CLOSED', 'CARRIED_FORWARD')
                          OR c.before ->> 'status' IN ('COMPLETED', 'CLOSED', 'CARRIED_FORWARD')))
                 OR c.event_type = 'ActionCarriedForward')
            AND NOT EXISTS (SELECT 1 FROM change_log p
                             WHERE p.event_type = 'PlanVersionPublished' AND p.command_id = c.command_id)""";

    private final JdbcClient jdbc;
    private final ChangeLog changeLog;
    private final MeetingQueries meetings;

    public TraceabilityQueries(JdbcClient jdbc, ChangeLog changeLog, MeetingQueries meetings) {
        this.jdbc = jdbc;
        this.changeLog = changeLog;
        this.meetings = meetings;
    }

    /** A meeting's decisions, each with every change made under it; empty when there is no such meeting. */
    public Optional<Traceability.OfMeeting> ofMeeting(String meetingId) {
        return meetings.one(meetingId).map(meeting -> new Traceability.OfMeeting(
                meetings.summary(meetingId).orElseThrow(),
                meeting.decisions().stream()
                        .map(d -> new Traceability.DecisionTrace(d.decisionId(), d.text(), d.actions(),
                                changeLog.underDecision(d.decisionId())))
                        .toList()));
    }

    public Traceability.Report report() {
        List<Position> problems = jdbc.sql("""
                        SELECT c.event_position,
                               CASE WHEN c.decision_id IS NULL THEN 'cites no decision'
                                    WHEN d.decision_id IS NULL THEN 'cites decision ' || c.decision_id || ', which is not recorded'
                                    ELSE 'cites decision ' || c.decision_id || ', which does not name ' || c.subject
                               END AS problem
                          FROM change_log c LEFT JOIN decision d ON d.decision_id = c.decision_id
                         WHERE\s""" + NEEDS_MANDATE + """

                           AND (d.decision_id IS NULL OR NOT (c.subject = ANY (d.actions)))
                         ORDER BY c.event_position""")
                .query((rs, row) -> new Position(rs.getLong("event_position"), rs.getString("problem")))
                .list();
        Map<Long, Change> changes = changeLog.at(problems.stream().map(Position::position).toList());
        List<Traceability.Unmandated> unmandated = problems.stream()
                .map(p -> new Traceability.Unmandated(changes.get(p.position()), p.problem()))
                .toList();
        List<Traceability.Unacted> unacted = jdbc.sql("""
                        SELECT d.decision_id, d.meeting_id, d.text,
                               ARRAY(SELECT a FROM unnest(d.actions) AS a
                                      WHERE NOT EXISTS (SELECT 1 FROM change_log c
                                                         WHERE c.decision_id = d.decision_id AND c.subject = a)) AS missing,
                               NOT EXISTS (SELECT 1 FROM change_log c WHERE c.decision_id = d.decision_id) AS never
                          FROM decision d
                         WHERE cardinality(d.actions) > 0
                         ORDER BY d.event_position""")
                .query((rs, row) -> new Traceability.Unacted(rs.getString("decision_id"), rs.getString("meeting_id"),
                        rs.getString("text"), strings(rs.getArray("missing")), rs.getBoolean("never")))
                .list().stream()
                .filter(d -> !d.actionsNotActedOn().isEmpty())
                .toList();
        return new Traceability.Report(unmandated, unacted);
    }

    private record Position(long position, String problem) {
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
