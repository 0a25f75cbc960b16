package org.planledger.query.status;

import org.planledger.events.ActionRef;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the bitemporal tables of plan-status: action_fact (every change recorded to an action) and
 * action_state_interval (the action's state over effective time, per interval of recorded time), and the action's
 * state now in action_status.
 * <p>
 * Recording a change refolds the action's facts (an action has tens, not thousands) and compares the result with
 * what the ledger knew until then: rows that no longer hold are closed at the change's recorded instant, new ones
 * open there. A back-dated change therefore rewrites the past only from the instant it was recorded, and the rows
 * known before stay as they were.
 */
@Component
class ActionTimelines {

    private final JdbcClient jdbc;

    ActionTimelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one change; a change already recorded (a replayed or redelivered event) changes nothing. */
    void record(ActionRef action, ActionTimeline.Fact fact) {
        int inserted = jdbc.sql("""
                        INSERT INTO action_fact (event_position, plan_id, version_id, number, sequence_number, kind,
                                                 effective_from, recorded_at, owner_body_id, timeframe, status,
                                                 progress_summary, progress_evidence, progress_effective_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(fact.position(), action.planId(), action.versionId(), action.number(), fact.sequence(),
                        fact.kind().name(), Timestamp.from(fact.effectiveFrom()), Timestamp.from(fact.recordedAt()),
                        fact.owner(), fact.timeframe(), fact.status(), fact.progressSummary(),
                        fact.progressEvidence() == null ? null : fact.progressEvidence().toArray(String[]::new),
                        fact.progressEffectiveOn())
                .update();
        if (inserted == 0) {
            return;
        }
        List<ActionTimeline.Segment> now = ActionTimeline.fold(facts(action));
        if (now.isEmpty()) {
            return; // no publication seen for this action: its facts wait, and count once it is published
        }
        List<KnownSegment> before = known(action);
        // Recorded time must not run backwards within an action, whatever two command services' clocks say.
        Instant knownFrom = before.stream().map(KnownSegment::knownFrom).reduce(fact.recordedAt(),
                (a, b) -> a.isAfter(b) ? a : b);

        List<ActionTimeline.Segment> unchanged = new ArrayList<>();
        for (KnownSegment row : before) {
            if (now.contains(row.segment())) {
                unchanged.add(row.segment());
            } else if (row.knownFrom().equals(knownFrom)) {
                // Recorded at this same instant (one command's second event): it never held on its own.
                where(jdbc.sql("DELETE FROM action_state_interval WHERE " + ROW), action, row).update();
            } else {
                where(jdbc.sql("UPDATE action_state_interval SET known_to = :knownTo WHERE " + ROW), action, row)
                        .param("knownTo", Timestamp.from(knownFrom))
                        .update();
            }
        }
        for (ActionTimeline.Segment segment : now) {
            if (!unchanged.contains(segment)) {
                insert(action, segment, knownFrom);
            }
        }
        ActionTimeline.State latest = now.get(now.size() - 1).state();
        jdbc.sql("""
                        UPDATE action_status SET owner_body_id = ?, timeframe = ?, status = ?, progress_summary = ?,
                               progress_evidence = ?, progress_effective_on = ?, progress_recorded_at = ?, version = ?,
                               last_event_position = GREATEST(last_event_position, ?)
                         WHERE plan_id = ? AND version_id = ? AND number = ?""")
                .params(latest.owner(), latest.timeframe(), latest.status(), latest.progressSummary(),
                        array(latest.progressEvidence()), latest.progressEffectiveOn(), timestamp(latest.progressRecordedAt()),
                        latest.version(), fact.position(), action.planId(), action.versionId(), action.number())
                .update();
    }

    private static final String ROW = """
            plan_id = :planId AND version_id = :versionId AND number = :number
            AND known_from = :knownFrom AND valid_from = :validFrom""";

    private static JdbcClient.StatementSpec where(JdbcClient.StatementSpec statement, ActionRef action, KnownSegment row) {
        return statement.param("planId", action.planId()).param("versionId", action.versionId())
                .param("number", action.number()).param("knownFrom", Timestamp.from(row.knownFrom()))
                .param("validFrom", Timestamp.from(row.segment().validFrom()));
    }

    private void insert(ActionRef action, ActionTimeline.Segment segment, Instant knownFrom) {
        ActionTimeline.State state = segment.state();
        jdbc.sql("""
                        INSERT INTO action_state_interval (plan_id, version_id, number, owner_body_id, timeframe, status,
                                                           progress_summary, progress_evidence, progress_effective_on,
                                                           progress_recorded_at, version, valid_from, valid_to, known_from)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(action.planId(), action.versionId(), action.number(), state.owner(), state.timeframe(),
                        state.status(), state.progressSummary(), array(state.progressEvidence()),
                        state.progressEffectiveOn(), timestamp(state.progressRecordedAt()), state.version(),
                        Timestamp.from(segment.validFrom()), timestamp(segment.validTo()), Timestamp.from(knownFrom))
                .update();
    }

    private List<ActionTimeline.Fact> facts(ActionRef action) {
        return jdbc.sql("""
                        SELECT * FROM action_fact WHERE plan_id = ? AND version_id = ? AND number = ?
                         ORDER BY effective_from, event_position""")
                .params(action.planId(), action.versionId(), action.number())
                .query(FACT).list();
    }

    private record KnownSegment(Instant knownFrom, ActionTimeline.Segment segment) {
    }

    private List<KnownSegment> known(ActionRef action) {
        return jdbc.sql("""
                        SELECT * FROM action_state_interval
                         WHERE plan_id = ? AND version_id = ? AND number = ? AND known_to IS NULL""")
                .params(action.planId(), action.versionId(), action.number())
                .query((rs, row) -> new KnownSegment(rs.getTimestamp("known_from").toInstant(),
                        new ActionTimeline.Segment(rs.getTimestamp("valid_from").toInstant(),
                                instant(rs.getTimestamp("valid_to")), STATE.mapRow(rs, row))))
                .list();
    }

    /** The state columns of an action_state_interval (or action_status) row. */
    static final RowMapper<ActionTimeline.State> STATE = (rs, row) -> new ActionTimeline.State(
            rs.getString("owner_body_id"), rs.getString("timeframe"), rs.getString("status"),
            rs.getString("progress_summary"), strings(rs.getArray("progress_evidence")),
            rs.getObject("progress_effective_on", LocalDate.class), instant(rs.getTimestamp("progress_recorded_at")),
            rs.getLong("version"));

    private static final RowMapper<ActionTimeline.Fact> FACT = (rs, row) -> new ActionTimeline.Fact(
            rs.getLong("event_position"), rs.getLong("sequence_number"), ActionTimeline.Kind.valueOf(rs.getString("kind")),
            rs.getTimestamp("effective_from").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("owner_body_id"), rs.getString("timeframe"), rs.getString("status"),
            rs.getString("progress_summary"), strings(rs.getArray("progress_evidence")),
            rs.getObject("progress_effective_on", LocalDate.class));

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String[] array(List<String> strings) {
        return strings == null ? null : strings.toArray(String[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
