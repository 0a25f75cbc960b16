package org.planledger.query.meeting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.planledger.events.ActionRef;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MinutesAmended;
import org.planledger.events.MinutesApproved;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.MinutesPublished;
import org.planledger.query.Provenance;
import org.planledger.query.RowUpdates;
import org.planledger.query.body.BodyProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/**
 * Meetings, their attendance and minutes (tables meeting, minutes_revision: every text the minutes have had) and
 * the decisions taken at them (decision). Replay-safe: rows an event creates are keyed by it; updates follow
 * {@link RowUpdates}.
 */
@Component
@ProcessingGroup(BodyProjection.PROCESSING_GROUP)
public class MeetingProjection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MeetingProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MeetingScheduled event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        jdbc.sql("""
                INSERT INTO meeting (meeting_id, body_id, held_on, title, version, last_event_position)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.meetingId(), event.bodyId(), event.heldOn(), event.title(), provenance.sequence(),
                        provenance.position())
                .update();
    }

    @EventHandler
    void on(AttendanceRecorded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        updateMeeting(event.meetingId(), "present = :present::jsonb, apologies = :apologies::jsonb",
                Provenance.of(message, token, sequence), Map.of("present", json.writeValueAsString(event.present()),
                        "apologies", json.writeValueAsString(event.apologies())));
    }

    @EventHandler
    void on(MinutesDrafted event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        String items = json.writeValueAsString(event.items());
        revision(event.meetingId(), "DRAFT", items, provenance);
        updateMeeting(event.meetingId(), "minutes_state = 'DRAFT', minutes_items = :items::jsonb", provenance, Map.of("items", items));
    }

    @EventHandler
    void on(MinutesApproved event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        updateMeeting(event.meetingId(), "minutes_state = 'APPROVED', approved_at = :approvedAt",
                Provenance.of(message, token, sequence), Map.of("approvedAt", event.approvedAt()));
    }

    @EventHandler
    void on(MinutesPublished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        updateMeeting(event.meetingId(), "minutes_state = 'PUBLISHED'", Provenance.of(message, token, sequence), Map.of());
    }

    @EventHandler
    void on(MinutesAmended event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        String items = json.writeValueAsString(event.items());
        revision(event.meetingId(), "AMENDMENT", items, provenance);
        updateMeeting(event.meetingId(), "minutes_items = :items::jsonb", provenance, Map.of("items", items));
    }

    private void revision(String meetingId, String kind, String items, Provenance provenance) {
        jdbc.sql("""
                INSERT INTO minutes_revision (event_position, meeting_id, kind, items, reason, actor, recorded_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(provenance.position(), meetingId, kind, items, provenance.reason(), provenance.actor(),
                        Timestamp.from(provenance.recordedAt()))
                .update();
    }

    /** Applies {@code set} to the meeting's row (see {@link RowUpdates}). */
    private void updateMeeting(String meetingId, String set, Provenance provenance, Map<String, ?> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("meetingId", meetingId);
        RowUpdates.apply(jdbc, "meeting", set + ",", "meeting_id = :meetingId", all, provenance);
    }

    @EventHandler
    void on(DecisionRecorded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        jdbc.sql("""
                INSERT INTO decision (decision_id, meeting_id, text, actions, actor, recorded_at, event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.decisionId(), event.meetingId(), event.text(),
                        event.actions().stream().map(ActionRef::toString).toArray(String[]::new), provenance.actor(),
                        Timestamp.from(provenance.recordedAt()), provenance.position())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE meeting, minutes_revision, decision").update();
    }
}
