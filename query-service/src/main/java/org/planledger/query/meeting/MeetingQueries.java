package org.planledger.query.meeting;

import org.planledger.events.MinuteItem;
import org.planledger.events.Person;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the meeting, minutes and decision tables. */
@Repository
public class MeetingQueries {

    private static final RowMapper<MeetingView.Summary> SUMMARY = (rs, row) -> new MeetingView.Summary(
            rs.getString("meeting_id"), rs.getString("body_id"), rs.getObject("held_on", LocalDate.class),
            rs.getString("title"), rs.getString("minutes_state"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MeetingQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Meetings, newest first; of one body if given. */
    public List<MeetingView.Summary> all(String bodyId) {
        return jdbc.sql("SELECT * FROM meeting WHERE (CAST(? AS TEXT) IS NULL OR body_id = ?) ORDER BY held_on DESC, meeting_id")
                .params(bodyId, bodyId)
                .query(SUMMARY).list();
    }

    public Optional<MeetingView.Summary> summary(String meetingId) {
        return jdbc.sql("SELECT * FROM meeting WHERE meeting_id = ?").param(meetingId).query(SUMMARY).optional();
    }

    public Optional<MeetingView.Detail> one(String meetingId) {
        List<MeetingView.Revision> revisions = jdbc.sql("SELECT * FROM minutes_revision WHERE meeting_id = ? ORDER BY event_position")
                .param(meetingId)
                .query((rs, row) -> new MeetingView.Revision(rs.getLong("event_position"), rs.getString("kind"),
                        items(rs.getString("items")), rs.getString("reason"), rs.getString("actor"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        List<MeetingView.DecisionSummary> decisions = jdbc.sql("SELECT * FROM decision WHERE meeting_id = ? ORDER BY event_position")
                .param(meetingId)
                .query((rs, row) -> new MeetingView.DecisionSummary(rs.getString("decision_id"), rs.getString("text"),
                        strings(rs.getArray("actions"))))
                .list();
        return jdbc.sql("SELECT * FROM meeting WHERE meeting_id = ?").param(meetingId)
                .query((rs, row) -> new MeetingView.Detail(rs.getString("meeting_id"), rs.getString("body_id"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("title"),
                                     people(rs.getString("present")),
                        people(rs.getString("apologies")),
                        new MeetingView.Minutes(rs.getString("minutes_state"), items(rs.getString("minutes_items")),
                                rs.getString("approved_at"), revisions),
                        decisions, rs.getLong("version")))
                .optional();
    }

    /** A decision without its changes, which the change log holds. */
    public Optional<DecisionRow> decision(String decisionId) {
        return jdbc.sql("SELECT * FROM decision WHERE decision_id = ?").param(decisionId).query(DECISION).optional();
    }

    /** The decisions that name an action, newest first: the mandates a change to it can cite. */
    public List<DecisionRow> naming(String actionRef) {
        return jdbc.sql("SELECT * FROM decision WHERE ? = ANY (actions) ORDER BY event_position DESC").param(actionRef)
                .query(DECISION).list();
    }

    public record DecisionRow(String decisionId, String meetingId, String text, List<String> actions, String actor,
                              Instant recordedAt) {
    }

    private static final RowMapper<DecisionRow> DECISION = (rs, row) -> new DecisionRow(rs.getString("decision_id"),
            rs.getString("meeting_id"), rs.getString("text"), strings(rs.getArray("actions")), rs.getString("actor"),
            rs.getTimestamp("recorded_at").toInstant());

    private List<Person> people(String text) {
        return json.readValue(text, new TypeReference<List<Person>>() {
        });
    }

    private List<MinuteItem> items(String text) {
        return text == null ? null : json.readValue(text, new TypeReference<List<MinuteItem>>() {
        });
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
