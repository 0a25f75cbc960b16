package org.planledger.query.status;

import org.planledger.events.ActionRef;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    /** The version published most recently on or before the given date. */
    public Optional<PlanStatus.Version> versionInForce(String planId, LocalDate on) {
        return jdbc.sql("""
                        SELECT version_id, title, published_on FROM plan_version
                         WHERE plan_id = ? AND published_on <= ?
                         ORDER BY published_on DESC, version_id DESC LIMIT 1""")
                .params(planId, on)
                .query((rs, row) -> version(rs))
                .optional();
    }

    public List<PlanStatus.AimStatus> aims(String planId, String versionId) {
        Map<String, List<PlanStatus.ActionState>> actionsByAim = jdbc.sql(SELECT_ACTIONS + """
                         WHERE s.plan_id = ? AND s.version_id = ? ORDER BY s.number""")
                .params(planId, versionId)
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

    /** Actions with their lineage both ways, each list in the order it was recorded. */
    private static final String SELECT_ACTIONS = """
            SELECT s.*,
                   ARRAY(SELECT l.earlier FROM action_lineage l
                          WHERE l.later = s.plan_id || '/' || s.version_id || '/' || s.number
                          ORDER BY l.event_position, l.earlier) AS continues,
                   ARRAY(SELECT l.later FROM action_lineage l
                          WHERE l.earlier = s.plan_id || '/' || s.version_id || '/' || s.number
                          ORDER BY l.event_position, l.later) AS continued_by
              FROM action_status s
            """;

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
