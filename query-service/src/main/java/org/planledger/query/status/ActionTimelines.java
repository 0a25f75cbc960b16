package org.planledger.query.status;

import org.planledger.events.ActionRef;
import org.planledger.query.PendingRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.sql.Types.ARRAY;
import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.TIMESTAMP;
import static java.sql.Types.VARCHAR;

/**
 * Keeps the bitemporal tables of plan-status: action_fact (every change recorded to an action) and
 * action_state_interval (the action's state over effective time, per interval of recorded time), and the action's
 * state now in action_status.
 * <p>
 * Recording a change refolds the action's facts and compares the result with what the ledger knew until then: rows
 * that no longer hold are closed at the change's recorded instant, new ones open there. A back-dated change therefore
 * rewrites the past only from the instant it was recorded, and the rows known before stay as they were.
 * <p>
 * A processor's batch of changes is recorded together: a few reads for all the batch's actions, the work in memory,
 * then one JDBC batch per statement. A change that takes effect after everything known of its action (most of them)
 * needs only the action's latest row ({@link ActionTimeline#extend}); an action with a back-dated change in the batch,
 * or new to it, has all its facts and current rows read and refolded.
 */
@Component
class ActionTimelines {

    /** One change to one action, as a processor hands it over. */
    record Change(ActionRef action, ActionTimeline.Fact fact) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ActionTimelines(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Records a batch of changes in the order given; a change already recorded (a redelivered event) changes nothing. */
    void record(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // The driver prepares statements run often, and PostgreSQL then reuses one generic plan, made while these
        // tables were small: during a replay these lookups became full scans of tables that had grown since.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        Map<ActionRef, List<ActionTimeline.Fact>> fresh = fresh(changes);
        if (fresh.isEmpty()) {
            return;
        }
        Map<ActionRef, Known> known = new HashMap<>();
        latestRows(fresh.keySet()).forEach((action, latest) -> {
            if (sortsLast(fresh.get(action), latest.segment.validFrom())) {
                known.put(action, Known.latestOnly(latest));
            }
        });
        List<ActionRef> refold = fresh.keySet().stream().filter(action -> !known.containsKey(action)).toList();
        Map<ActionRef, List<ActionTimeline.Fact>> facts = facts(refold);
        Map<ActionRef, List<Row>> rows = currentRows(refold);
        for (ActionRef action : refold) {
            known.put(action, Known.everything(facts.getOrDefault(action, new ArrayList<>()),
                    rows.getOrDefault(action, new ArrayList<>())));
        }

        Writes writes = new Writes();
        fresh.forEach((action, newFacts) -> {
            Known timeline = known.get(action);
            newFacts.forEach(fact -> timeline.record(fact));
            writes.add(action, timeline, newFacts);
        });
        writes.write();
    }

    /** The changes not recorded before, by action in the order given (a replay hands over events seen already). */
    private Map<ActionRef, List<ActionTimeline.Fact>> fresh(List<Change> changes) {
        Set<Long> recorded = new HashSet<>(jdbc.sql("SELECT event_position FROM action_fact WHERE event_position = ANY(?)")
                .param(changes.stream().map(change -> change.fact().position()).toArray(Long[]::new))
                .query(Long.class).list());
        Map<ActionRef, List<ActionTimeline.Fact>> fresh = new LinkedHashMap<>();
        for (Change change : changes) {
            if (recorded.add(change.fact().position())) {
                fresh.computeIfAbsent(change.action(), action -> new ArrayList<>()).add(change.fact());
            }
        }
        return fresh;
    }

    /** Whether every one of the facts takes effect no earlier than the one before it, the first no earlier than from. */
    private static boolean sortsLast(List<ActionTimeline.Fact> facts, Instant from) {
        Instant latest = from;
        for (ActionTimeline.Fact fact : facts) {
            if (fact.kind() == ActionTimeline.Kind.PUBLISHED || fact.effectiveFrom().isBefore(latest)) {
                return false;
            }
            latest = fact.effectiveFrom();
        }
        return true;
    }

    /** A row of action_state_interval as this batch leaves it: read from the table or new, closed or deleted. */
    private static final class Row {
        final Instant knownFrom;
        final ActionTimeline.Segment segment;
        final boolean stored;
        Instant knownTo;
        boolean deleted;

        Row(Instant knownFrom, ActionTimeline.Segment segment, boolean stored) {
            this.knownFrom = knownFrom;
            this.segment = segment;
            this.stored = stored;
        }
    }

    /**
     * What the ledger knows now of one action, as far as this batch needs it: every fact and current row, or (when
     * every new fact sorts last) only the latest row. Records facts one by one, exactly as if each were its own batch.
     */
    private static final class Known {
        final List<ActionTimeline.Fact> facts; // null when only the latest row is known
        final List<Row> current = new ArrayList<>();
        final List<Row> touched = new ArrayList<>();
        ActionTimeline.State latest;
        long position = -1;

        private Known(List<ActionTimeline.Fact> facts, List<Row> current) {
            this.facts = facts;
            this.current.addAll(current);
        }

        static Known everything(List<ActionTimeline.Fact> facts, List<Row> current) {
            return new Known(facts, current);
        }

        static Known latestOnly(Row latest) {
            return new Known(null, List.of(latest));
        }

        void record(ActionTimeline.Fact fact) {
            List<ActionTimeline.Segment> now;
            if (facts == null) {
                Row last = last();
                now = ActionTimeline.extend(last.segment, fact);
                current.retainAll(List.of(last)); // the rows before it stay as they are and are not needed again
            } else {
                facts.add(fact);
                now = ActionTimeline.fold(facts);
            }
            if (now.isEmpty()) {
                return; // no publication seen for this action: its facts wait, and count once it is published
            }
            // Recorded time must not run backwards within an action, whatever two command services' clocks say.
            Instant knownFrom = current.stream().map(row -> row.knownFrom).reduce(fact.recordedAt(),
                    (a, b) -> a.isAfter(b) ? a : b);
            Set<ActionTimeline.Segment> stillHeld = new HashSet<>(now);
            Set<ActionTimeline.Segment> unchanged = new HashSet<>();
            for (Row row : List.copyOf(current)) {
                if (stillHeld.contains(row.segment)) {
                    unchanged.add(row.segment);
                    continue;
                }
                if (row.knownFrom.equals(knownFrom)) {
                    row.deleted = true; // recorded at this same instant (one command's second event): it never held
                } else {
                    row.knownTo = knownFrom;
                }
                current.remove(row);
                if (row.stored) {
                    touched.add(row); // a new row is in touched already
                }
            }
            for (ActionTimeline.Segment segment : now) {
                if (!unchanged.contains(segment)) {
                    Row row = new Row(knownFrom, segment, false);
                    current.add(row);
                    touched.add(row);
                }
            }
            latest = now.get(now.size() - 1).state();
            position = Math.max(position, fact.position());
        }

        /** The current row that runs on with no end. */
        Row last() {
            return current.stream().filter(row -> row.segment.validTo() == null).findFirst().orElseThrow();
        }
    }

    /**
     * The batch's statements, sent in an order that keeps each row's key unique at every step. Inserts go as
     * multi-row inserts; deletes, closes and the actions' latest state as one statement each over arrays of keys.
     */
    private final class Writes {
        final Keys deletes = new Keys();
        final Keys closes = new Keys();
        final PendingRows inserts = new PendingRows("""
                INSERT INTO action_state_interval (plan_id, version_id, number, owner_body_id, timeframe, status,
                                                   progress_summary, progress_evidence, progress_effective_on,
                                                   progress_recorded_at, version, valid_from, valid_to, known_from,
                                                   known_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, ARRAY, DATE, TIMESTAMP, BIGINT,
                TIMESTAMP, TIMESTAMP, TIMESTAMP, TIMESTAMP);
        final PendingRows facts = new PendingRows("""
                INSERT INTO action_fact (event_position, plan_id, version_id, number, sequence_number, kind,
                                         effective_from, recorded_at, owner_body_id, timeframe, status,
                                         progress_summary, progress_evidence, progress_effective_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                BIGINT, VARCHAR, VARCHAR, INTEGER, BIGINT, VARCHAR, TIMESTAMP, TIMESTAMP, VARCHAR, VARCHAR, VARCHAR,
                VARCHAR, ARRAY, DATE);
        final List<ActionRef> changed = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();
        final List<String> latestKnownFrom = new ArrayList<>();
        final List<String> latestValidFrom = new ArrayList<>();

        void add(ActionRef action, Known timeline, List<ActionTimeline.Fact> newFacts) {
            for (ActionTimeline.Fact fact : newFacts) {
                facts.add(fact.position(), action.planId(), action.versionId(), action.number(), fact.sequence(),
                        fact.kind().name(), Timestamp.from(fact.effectiveFrom()), Timestamp.from(fact.recordedAt()),
                        fact.owner(), fact.timeframe(), fact.status(), fact.progressSummary(),
                        array(fact.progressEvidence()), fact.progressEffectiveOn());
            }
            for (Row row : timeline.touched) {
                if (row.stored) {
                    (row.deleted ? deletes : closes).add(action, row);
                } else if (!row.deleted) {
                    ActionTimeline.State state = row.segment.state();
                    inserts.add(action.planId(), action.versionId(), action.number(), state.owner(), state.timeframe(),
                            state.status(), state.progressSummary(), array(state.progressEvidence()),
                            state.progressEffectiveOn(), timestamp(state.progressRecordedAt()), state.version(),
                            Timestamp.from(row.segment.validFrom()), timestamp(row.segment.validTo()),
                            Timestamp.from(row.knownFrom), timestamp(row.knownTo));
                }
            }
            if (timeline.latest != null) {
                Row latest = timeline.last();
                changed.add(action);
                positions.add(timeline.position);
                latestKnownFrom.add(latest.knownFrom.toString());
                latestValidFrom.add(latest.segment.validFrom().toString());
            }
        }

        void write() {
            if (!deletes.isEmpty()) {
                deletes.keys(jdbc.sql("""
                        DELETE FROM action_state_interval a
                         USING unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[])
                               AS k(plan_id, version_id, number, known_from, valid_from)
                        """ + WHERE_SAME_ROW)).update();
            }
            if (!closes.isEmpty()) {
                closes.keys(jdbc.sql("""
                        UPDATE action_state_interval a SET known_to = k.known_to
                          FROM unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                               AS k(plan_id, version_id, number, known_from, valid_from, known_to)
                        """ + WHERE_SAME_ROW)).param(closes.knownTo.toArray(String[]::new)).update();
            }
            inserts.writeTo(template);
            facts.writeTo(template);
            if (!changed.isEmpty()) {
                // The action's state now is that of its current row that runs on with no end, as written above.
                forActions("""
                        UPDATE action_status s
                           SET owner_body_id = i.owner_body_id, timeframe = i.timeframe, status = i.status,
                               progress_summary = i.progress_summary, progress_evidence = i.progress_evidence,
                               progress_effective_on = i.progress_effective_on,
                               progress_recorded_at = i.progress_recorded_at, version = i.version,
                               last_event_position = GREATEST(s.last_event_position, p.position),
                               latest_known_from = i.known_from, latest_valid_from = i.valid_from
                          FROM unnest(?::text[], ?::text[], ?::int[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                               AS p(plan_id, version_id, number, position, known_from, valid_from)
                          JOIN action_state_interval i ON i.plan_id = p.plan_id AND i.version_id = p.version_id
                               AND i.number = p.number AND i.known_from = p.known_from AND i.valid_from = p.valid_from
                         WHERE s.plan_id = p.plan_id AND s.version_id = p.version_id AND s.number = p.number""",
                        changed).param(positions.toArray(Long[]::new)).param(latestKnownFrom.toArray(String[]::new))
                        .param(latestValidFrom.toArray(String[]::new)).update();
            }
        }
    }

    private static final String WHERE_SAME_ROW = " WHERE a.plan_id = k.plan_id AND a.version_id = k.version_id"
            + " AND a.number = k.number AND a.known_from = k.known_from AND a.valid_from = k.valid_from";

    /** Rows of action_state_interval by key, one array per key column (instants as ISO text). */
    private static final class Keys {
        final List<String> plans = new ArrayList<>();
        final List<String> versions = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();
        final List<String> knownFrom = new ArrayList<>();
        final List<String> validFrom = new ArrayList<>();
        final List<String> knownTo = new ArrayList<>();

        void add(ActionRef action, Row row) {
            plans.add(action.planId());
            versions.add(action.versionId());
            numbers.add(action.number());
            knownFrom.add(row.knownFrom.toString());
            validFrom.add(row.segment.validFrom().toString());
            knownTo.add(row.knownTo == null ? null : row.knownTo.toString());
        }

        boolean isEmpty() {
            return plans.isEmpty();
        }

        JdbcClient.StatementSpec keys(JdbcClient.StatementSpec statement) {
            return statement.param(plans.toArray(String[]::new)).param(versions.toArray(String[]::new))
                    .param(numbers.toArray(Integer[]::new)).param(knownFrom.toArray(String[]::new))
                    .param(validFrom.toArray(String[]::new));
        }
    }

    /** The actions' rows in unnest form: one array per key column, for "(plan_id, version_id, number) IN ...". */
    private static final String ACTIONS = """
            (plan_id, version_id, number) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::int[]))""";

    private JdbcClient.StatementSpec forActions(String sql, List<ActionRef> actions) {
        return jdbc.sql(sql).params(actions.stream().map(ActionRef::planId).toArray(String[]::new),
                actions.stream().map(ActionRef::versionId).toArray(String[]::new),
                actions.stream().map(ActionRef::number).toArray(Integer[]::new));
    }

    /** A row read from action_state_interval, with the action it belongs to. */
    private record Stored(ActionRef action, Row row) {
    }

    /** Each action's current row that runs on with no end, as action_status keeps it (once published). */
    private Map<ActionRef, Row> latestRows(Set<ActionRef> actions) {
        Map<ActionRef, Row> latest = new HashMap<>();
        forActions("SELECT * FROM action_status WHERE latest_known_from IS NOT NULL AND " + ACTIONS, List.copyOf(actions))
                .query((rs, n) -> new Stored(action(rs), new Row(rs.getTimestamp("latest_known_from").toInstant(),
                        new ActionTimeline.Segment(rs.getTimestamp("latest_valid_from").toInstant(), null,
                                STATE.mapRow(rs, n)), true)))
                .list().forEach(s -> latest.put(s.action(), s.row()));
        return latest;
    }

    private Map<ActionRef, List<Row>> currentRows(List<ActionRef> actions) {
        Map<ActionRef, List<Row>> current = new HashMap<>();
        if (!actions.isEmpty()) {
            forActions("SELECT * FROM action_state_interval WHERE known_to IS NULL AND " + ACTIONS, actions)
                    .query((rs, n) -> new Stored(action(rs), new Row(rs.getTimestamp("known_from").toInstant(),
                            new ActionTimeline.Segment(rs.getTimestamp("valid_from").toInstant(),
                                    instant(rs.getTimestamp("valid_to")), STATE.mapRow(rs, n)), true)))
                    .list().forEach(s -> current.computeIfAbsent(s.action(), a -> new ArrayList<>()).add(s.row()));
        }
        return current;
    }

    private Map<ActionRef, List<ActionTimeline.Fact>> facts(List<ActionRef> actions) {
        Map<ActionRef, List<ActionTimeline.Fact>> facts = new HashMap<>();
        if (!actions.isEmpty()) {
            record Read(ActionRef action, ActionTimeline.Fact fact) {
            }
            forActions("SELECT * FROM action_fact WHERE " + ACTIONS + " ORDER BY event_position", actions)
                    .query((rs, n) -> new Read(action(rs), FACT.mapRow(rs, n))).list()
                    .forEach(r -> facts.computeIfAbsent(r.action(), a -> new ArrayList<>()).add(r.fact()));
        }
        return facts;
    }

    private static ActionRef action(ResultSet rs) throws SQLException {
        return new ActionRef(rs.getString("plan_id"), rs.getString("version_id"), rs.getInt("number"));
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
