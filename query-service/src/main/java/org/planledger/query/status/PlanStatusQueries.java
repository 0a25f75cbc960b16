package org.planledger.query.status;

import org.planledger.events.ActionRef;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the plan-status tables. */
@Repository
public class PlanStatusQueries {

    private final JdbcClient jdbc;

    public PlanStatusQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every plan and its versions, oldest version first. */
    public Map<String, List<PlanStatus.Version>> plans() {
        return jdbc.sql("SELECT plan_id, version_id, title, published_on FROM plan_version ORDER BY plan_id, published_on, version_id")
                .query((rs, row) -> Map.entry(rs.getString("plan_id"), version(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public boolean planExists(String planId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM plan_version WHERE plan_id = ?)").param(planId)
                .query(Boolean.class).single();
    }

    /** The plan at {@code asOf} as recorded by {@code knownAt}; empty when no version was in force then. */
    public Optional<PlanStatus> status(String planId, Instant asOf, Instant knownAt) {
        return versionInForce(planId, asOf, knownAt).map(version ->
                new PlanStatus(planId, asOf, knownAt, version, aims(planId, version.versionId(), asOf, knownAt)));
    }

    /** When a version took effect, if the ledger knew of it by {@code knownAt}. */
    public Optional<Instant> versionEffectiveFrom(String planId, String versionId, Instant knownAt) {
        return jdbc.sql("SELECT effective_from FROM plan_version WHERE plan_id = ? AND version_id = ? AND recorded_at <= ?")
                .params(planId, versionId, Timestamp.from(knownAt))
                .query((rs, row) -> rs.getTimestamp("effective_from").toInstant())
                .optional();
    }

    /** The version in force at {@code asOf} as recorded by {@code knownAt}: the one that took effect last. */
    public Optional<PlanStatus.Version> versionInForce(String planId, Instant asOf, Instant knownAt) {
        return jdbc.sql("""
                        SELECT version_id, title, published_on FROM plan_version
                         WHERE plan_id = ? AND effective_from <= ? AND recorded_at <= ?
                         ORDER BY effective_from DESC, version_id DESC LIMIT 1""")
                .params(planId, Timestamp.from(asOf), Timestamp.from(knownAt))
                .query((rs, row) -> version(rs))
                .optional();
    }

    /**
     * The version's aims with their actions as they stood at {@code asOf} as recorded by {@code knownAt}: one
     * indexed read of the rows whose effective and recorded intervals both contain the instants.
     */
    public List<PlanStatus.AimStatus> aims(String planId, String versionId, Instant asOf, Instant knownAt) {
        Map<String, List<PlanStatus.ActionState>> actionsByAim = jdbc.sql("""
                        SELECT s.plan_id, s.version_id, s.number, s.aim, s.title, s.description, i.owner_body_id,
                               i.timeframe, i.status, i.progress_summary, i.progress_evidence, i.progress_effective_on,
                               i.progress_recorded_at, i.version,""" + lineage("""
                                AND l.effective_from <= :asOf AND l.recorded_at <= :knownAt""") + """
                          FROM action_state_interval i
                          JOIN action_status s USING (plan_id, version_id, number)
                         WHERE i.plan_id = :planId AND i.version_id = :versionId
                           AND i.valid_from <= :asOf AND (i.valid_to IS NULL OR i.valid_to > :asOf)
                           AND i.known_from <= :knownAt AND (i.known_to IS NULL OR i.known_to > :knownAt)
                         ORDER BY s.number""")
                .param("planId", planId).param("versionId", versionId)
                .param("asOf", Timestamp.from(asOf)).param("knownAt", Timestamp.from(knownAt))
                .query(ACTION).list().stream()
                .collect(Collectors.groupingBy(PlanStatus.ActionState::aim));
        return jdbc.sql("SELECT code, title, statement FROM plan_aim WHERE plan_id = ? AND version_id = ? ORDER BY ordinal")
                .params(planId, versionId)
                .query((rs, row) -> new PlanStatus.AimStatus(rs.getString("code"), rs.getString("title"),
                        rs.getString("statement"), actionsByAim.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    public Optional<PlanStatus.ActionState> action(ActionRef ref) {
        return jdbc.sql(SELECT_ACTIONS + " WHERE s.plan_id = ? AND s.version_id = ? AND s.number = ?")
                .params(ref.planId(), ref.versionId(), ref.number())
                .query(ACTION).optional();
    }

    /** An action as it stands now (all that has been recorded), with its lineage both ways. */
    private static final String SELECT_ACTIONS = "SELECT s.*," + lineage("") + " FROM action_status s ";

    /** The lineage columns continues and continued_by, each in the order recorded, restricted by {@code when}. */
    private static String lineage(String when) {
        return """
                   ARRAY(SELECT l.earlier FROM action_lineage l
                          WHERE l.later = s.plan_id || '/' || s.version_id || '/' || s.number %1$s
                          ORDER BY l.event_position, l.earlier) AS continues,
                   ARRAY(SELECT l.later FROM action_lineage l
                          WHERE l.earlier = s.plan_id || '/' || s.version_id || '/' || s.number %1$s
                          ORDER BY l.event_position, l.later) AS continued_by
                """.formatted(when);
    }

    private static PlanStatus.Version version(ResultSet rs) throws SQLException {
        return new PlanStatus.Version(rs.getString("version_id"), rs.getString("title"),
                rs.getObject("published_on", LocalDate.class));
    }

    private static final RowMapper<PlanStatus.ActionState> ACTION = (rs, row) -> {
        ActionRef ref = new ActionRef(rs.getString("plan_id"), rs.getString("version_id"), rs.getInt("number"));
        Timestamp progressRecordedAt = rs.getTimestamp("progress_recorded_at");
        PlanStatus.Progress progress = progressRecordedAt == null ? null : new PlanStatus.Progress(
                rs.getString("progress_summary"), strings(rs.getArray("progress_evidence")),
                rs.getObject("progress_effective_on", LocalDate.class), progressRecordedAt.toInstant());
        return new PlanStatus.ActionState(ref.toString(), ref.number(), rs.getString("aim"), rs.getString("title"),
                rs.getString("description"), rs.getString("timeframe"), rs.getString("owner_body_id"),
                rs.getString("status"), strings(rs.getArray("continues")), strings(rs.getArray("continued_by")), progress,
                rs.getLong("version"));
    };

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
