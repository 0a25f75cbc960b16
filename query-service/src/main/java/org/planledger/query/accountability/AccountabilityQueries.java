package org.planledger.query.accountability;

import org.planledger.events.ActionStatus;
import org.planledger.events.EventMetadata;
import org.planledger.query.changes.AuditFilter;
import org.planledger.query.changes.ChangeLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the accountability views from the status, temporal, governance and change-log tables. */
@Repository
public class AccountabilityQueries {

    private final JdbcClient jdbc;
    private final ChangeLog changeLog;
    private final Clock clock;

    public AccountabilityQueries(JdbcClient jdbc, ChangeLog changeLog, Clock clock) {
        this.jdbc = jdbc;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    public Optional<Accountability.OfBody> ofBody(String bodyId, int overdueAfterDays) {
        Optional<String> name = jdbc.sql("SELECT name FROM body WHERE body_id = ?").param(bodyId).query(String.class).optional();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Accountability.OwnedAction> owned = jdbc.sql("""
                        SELECT plan_id, version_id, number, title, status, timeframe, progress_effective_on
                          FROM action_status WHERE owner_body_id = ? ORDER BY plan_id, version_id, number""")
                .param(bodyId)
                .query((rs, row) -> new Accountability.OwnedAction(ref(rs.getString("plan_id"), rs.getString("version_id"),
                        rs.getInt("number")), rs.getString("title"), rs.getString("status"), rs.getString("timeframe"),
                        rs.getObject("progress_effective_on", LocalDate.class)))
                .list();
        List<Accountability.Ownership> ownership = ownership(bodyId);
        return Optional.of(new Accountability.OfBody(bodyId, name.get(), owned, ownership, overdueAfterDays,
                overdue(owned, ownership, overdueAfterDays), unactedDecisions(bodyId)));
    }

    /**
     * Merges the current timeline segments of every action the body has ever owned into the intervals in which the
     * body was the owner.
     */
    private List<Accountability.Ownership> ownership(String bodyId) {
        List<Accountability.Ownership> intervals = new ArrayList<>();
        String[] open = {null};
        Instant[] from = {null};
        Instant[] until = {null};
        jdbc.sql("""
                        SELECT plan_id, version_id, number, owner_body_id, valid_from, valid_to
                          FROM action_state_interval i
                         WHERE known_to IS NULL
                           AND (plan_id, version_id, number) IN (SELECT plan_id, version_id, number FROM action_state_interval
                                                                  WHERE owner_body_id = ? AND known_to IS NULL)
                         ORDER BY plan_id, version_id, number, valid_from""")
                .param(bodyId)
                .query(rs -> {
                    String ref = ref(rs.getString("plan_id"), rs.getString("version_id"), rs.getInt("number"));
                    boolean owns = bodyId.equals(rs.getString("owner_body_id"));
                    Instant start = rs.getTimestamp("valid_from").toInstant();
                    Timestamp end = rs.getTimestamp("valid_to");
                    if (open[0] != null && (!open[0].equals(ref) || !owns)) {
                        intervals.add(new Accountability.Ownership(open[0], from[0], until[0]));
                        open[0] = null;
                    }
                    if (owns) {
                        if (open[0] == null) {
                            open[0] = ref;
                            from[0] = start;
                        }
                        until[0] = end == null ? null : end.toInstant();
                    }
                });
        if (open[0] != null) {
            intervals.add(new Accountability.Ownership(open[0], from[0], until[0]));
        }
        return intervals;
    }

    private List<Accountability.Overdue> overdue(List<Accountability.OwnedAction> owned,
                                                 List<Accountability.Ownership> ownership, int overdueAfterDays) {
        LocalDate today = LocalDate.now(clock.withZone(EventMetadata.ZONE));
        List<Accountability.Overdue> overdue = new ArrayList<>();
        for (Accountability.OwnedAction action : owned) {
            if (ActionStatus.valueOf(action.status()).isEnded()) {
                continue;
            }
            LocalDate since = action.lastProgressOn() != null ? action.lastProgressOn() : ownership.stream()
                    .filter(o -> o.ref().equals(action.ref()) && o.until() == null)
                    .map(o -> LocalDate.ofInstant(o.from(), EventMetadata.ZONE))
                    .findFirst().orElse(today);
            long days = ChronoUnit.DAYS.between(since, today);
            if (days > overdueAfterDays) {
                overdue.add(new Accountability.Overdue(action.ref(), action.title(), since, days));
            }
        }
        return overdue;
    }

    /** Decisions naming actions the body owns now, with the named actions nothing has yet been done to under them. */
    private List<Accountability.UnactedDecision> unactedDecisions(String bodyId) {
        Map<String, Accountability.UnactedDecision> decisions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT d.decision_id, d.meeting_id, d.text, a.ref
                          FROM decision d, unnest(d.actions) AS a(ref)
                          JOIN action_status s ON a.ref = s.plan_id || '/' || s.version_id || '/' || s.number
                         WHERE s.owner_body_id = ?
                           AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.decision_id = d.decision_id AND c.subject = a.ref)
                         ORDER BY d.event_position, a.ref""")
                .param(bodyId)
                .query((rs, row) -> new Accountability.UnactedDecision(rs.getString("decision_id"),
                        rs.getString("meeting_id"), rs.getString("text"), List.of(rs.getString("ref"))))
                .list()
                .forEach(row -> decisions.merge(row.decisionId(), row, (a, b) -> new Accountability.UnactedDecision(
                        a.decisionId(), a.meetingId(), a.text(),
                        Stream.concat(a.actions().stream(), b.actions().stream()).toList())));
        return List.copyOf(decisions.values());
    }

    public Accountability.OfPerson ofPerson(String personId) {
        List<Accountability.Role> roles = jdbc.sql("SELECT * FROM body_role WHERE person_id = ? ORDER BY from_on, started_position")
                .param(personId)
                .query((rs, row) -> new Accountability.Role(rs.getString("body_id"), rs.getString("role"),
                        rs.getString("co_opted_from"), rs.getObject("from_on", LocalDate.class),
                        rs.getObject("until_on", LocalDate.class)))
                .list();
        long count = jdbc.sql("SELECT count(*) FROM change_log WHERE actor = ?").param(personId).query(Long.class).single();
        AuditFilter byActor = new AuditFilter(personId, null, null, null, null, null, null);
        return new Accountability.OfPerson(personId, roles, count, changeLog.audit(byActor, null, 50));
    }

    static String ref(String planId, String versionId, int number) {
        return planId + "/" + versionId + "/" + number;
    }
}
