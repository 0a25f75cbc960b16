package org.planledger.query.body;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads the body tables. */
@Repository
public class BodyQueries {

    private final JdbcClient jdbc;

    public BodyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<BodyView.Summary> all() {
        return jdbc.sql("""
                        SELECT b.*, r.person_id, r.person_name, r.from_on
                          FROM body b LEFT JOIN body_role r
                            ON r.body_id = b.body_id AND r.role = 'CHAIR' AND r.ended_position IS NULL
                         ORDER BY b.kind, b.name""")
                .query((rs, row) -> new BodyView.Summary(rs.getString("body_id"), rs.getString("kind"), rs.getString("name"),
                        rs.getString("aim"), rs.getObject("established_on", LocalDate.class),
                        rs.getObject("disbanded_on", LocalDate.class),
                        rs.getString("person_id") == null ? null : new BodyView.Holder(rs.getString("person_id"),
                                rs.getString("person_name"), "CHAIR", null, rs.getObject("from_on", LocalDate.class))))
                .list();
    }

    public Optional<BodyView.Detail> one(String bodyId) {
        List<BodyView.Role> roles = jdbc.sql("SELECT * FROM body_role WHERE body_id = ? ORDER BY from_on, started_position")
                .param(bodyId)
                .query((rs, row) -> new BodyView.Role(rs.getString("person_id"), rs.getString("person_name"),
                        rs.getString("role"), rs.getString("co_opted_from"), rs.getObject("from_on", LocalDate.class),
                        rs.getObject("until_on", LocalDate.class)))
                .list();
        List<BodyView.Holder> current = roles.stream().filter(role -> role.until() == null)
                .map(role -> new BodyView.Holder(role.personId(), role.name(), role.role(), role.coOptedFrom(), role.from()))
                .toList();
        List<BodyView.OwnedAction> owned = jdbc.sql("""
                        SELECT plan_id, version_id, number, title, status, timeframe FROM action_status
                         WHERE owner_body_id = ? ORDER BY plan_id, version_id, number""")
                .param(bodyId)
                .query((rs, row) -> new BodyView.OwnedAction(
                        rs.getString("plan_id") + "/" + rs.getString("version_id") + "/" + rs.getInt("number"),
                        rs.getString("title"), rs.getString("status"), rs.getString("timeframe")))
                .list();
        return jdbc.sql("SELECT * FROM body WHERE body_id = ?").param(bodyId)
                .query((rs, row) -> detail(rs, current, roles, owned))
                .optional();
    }

    private static BodyView.Detail detail(ResultSet rs, List<BodyView.Holder> current, List<BodyView.Role> roles,
                                          List<BodyView.OwnedAction> owned) throws SQLException {
        return new BodyView.Detail(rs.getString("body_id"), rs.getString("kind"), rs.getString("name"),
                rs.getString("remit"), rs.getString("aim"), rs.getObject("established_on", LocalDate.class),
                rs.getObject("disbanded_on", LocalDate.class),
                current.stream().filter(holder -> holder.role().equals("CHAIR")).findFirst().orElse(null),
                current.stream().filter(holder -> !holder.role().equals("CHAIR")).toList(),
                roles, owned, rs.getLong("version"));
    }
}
