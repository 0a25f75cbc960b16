package org.planledger.query.changes;

import org.planledger.events.ActionRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Consumer;

/** Reads the change log. */
@Repository
public class ChangeLog {

    private final JdbcClient jdbc;
    private final RowMapper<Change> change;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transaction;

    public ChangeLog(JdbcClient jdbc, JsonMapper json, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL streams a result set only inside a transaction and with a fetch size; otherwise it reads it all.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
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

    /** The changes at the given positions of the store, by position, in one query. */
    public Map<Long, Change> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM change_log WHERE event_position = ANY (?)")
                .param(positions.toArray(Long[]::new))
                .query(change).list().stream()
                .collect(Collectors.toMap(Change::position, Function.identity()));
    }

    /** Every change that cited a decision as its authority, oldest first. */
    public List<Change> underDecision(String decisionId) {
        return jdbc.sql("SELECT * FROM change_log WHERE decision_id = ? ORDER BY event_position")
                .param(decisionId)
                .query(change).list();
    }

    /**
     * One page of the audit log, newest first: at most {@code limit} entries below position {@code before} (all
     * when null). Paging by position keeps a cursor stable however many events are appended meanwhile.
     */
    public List<Change> audit(AuditFilter filter, Long before, int limit) {
        Where where = where(filter);
        if (before != null) {
            where.add("event_position < :before", "before", before);
        }
        return jdbc.sql("SELECT * FROM change_log" + where.sql() + " ORDER BY event_position DESC LIMIT :limit")
                .params(where.params).param("limit", limit)
                .query(change).list();
    }

    /** The whole filtered audit log, newest first, row by row without holding it in memory. */
    public void audit(AuditFilter filter, Consumer<Change> each) {
        Where where = where(filter);
        transaction.executeWithoutResult(tx -> {
            NamedParameterJdbcTemplate template = new NamedParameterJdbcTemplate(streaming);
            template.query("SELECT * FROM change_log" + where.sql() + " ORDER BY event_position DESC", where.params,
                    (RowCallbackHandler) rs -> each.accept(change.mapRow(rs, 0)));
        });
    }

    private static Where where(AuditFilter filter) {
        Where where = new Where();
        where.add("actor = :actor", "actor", filter.actor());
        where.add("recorded_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
        where.add("recorded_at <= :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        where.add("subject = :action", "action", filter.action());
        where.add("body_id = :body", "body", filter.body());
        where.add("event_type = :type", "type", filter.type());
        where.add("decision_id = :decision", "decision", filter.decision());
        return where;
    }

    /** Conditions joined by AND, each added only when its value is given. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        void add(String condition, String name, Object value) {
            if (value != null) {
                conditions.add(condition);
                params.put(name, value);
            }
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    /** Every change to one body, oldest first. */
    public List<Change> ofBody(String bodyId) {
        return jdbc.sql("SELECT * FROM change_log WHERE body_id = ? ORDER BY event_position")
                .param(bodyId)
                .query(change).list();
    }
}
