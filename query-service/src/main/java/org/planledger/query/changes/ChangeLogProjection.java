package org.planledger.query.changes;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.planledger.events.ActionEvent;
import org.planledger.events.BodyEvent;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.EventCatalogue;
import org.planledger.events.LedgerEvent;
import org.planledger.events.MeetingEvent;
import org.planledger.events.PlanVersionPublished;
import org.planledger.query.PendingRows;
import org.planledger.query.ProjectionBatch;
import org.planledger.query.Provenance;
import org.planledger.query.WritesAtBatchEnd;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.Map;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.TIMESTAMP;
import static java.sql.Types.VARCHAR;

/**
 * Every event in the ledger as one row of table change_log: its type, its subject, what it changed (before and
 * after), who made it, when it was recorded, when it took effect, why and under which decision. Action histories,
 * decision views and the audit log all read it. Rows are keyed by global position, so a replayed event is not
 * recorded twice. A batch of events is written in one go at its end ({@link ProjectionBatch}).
 */
@Component
@ProcessingGroup(ChangeLogProjection.PROCESSING_GROUP)
@WritesAtBatchEnd
public class ChangeLogProjection {

    public static final String PROCESSING_GROUP = "change-log";

    private static final String INSERT = """
            INSERT INTO change_log (event_position, event_id, event_type, subject, sequence_number, plan_id,
                                    version_id, action_number, body_id, meeting_id, before, after, actor,
                                    recorded_at, effective_on, reason, decision_id, correlation_id, command_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_position) DO NOTHING""";
    private static final int[] TYPES = {BIGINT, VARCHAR, VARCHAR, VARCHAR, BIGINT, VARCHAR, VARCHAR, INTEGER, VARCHAR,
            VARCHAR, VARCHAR, VARCHAR, VARCHAR, TIMESTAMP, DATE, VARCHAR, VARCHAR, VARCHAR, VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    public ChangeLogProjection(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        ChangeDescriptions.Description change = ChangeDescriptions.of(event);
        Subject subject = Subject.of(event);
        ProjectionBatch.current(PROCESSING_GROUP, () -> new PendingRows(INSERT, TYPES), rows -> rows.writeTo(template))
                .add(provenance.position(), provenance.eventId(), EventCatalogue.typeName(event.getClass()).orElseThrow(),
                        event.subject(), provenance.sequence(), subject.planId(), subject.versionId(),
                        subject.actionNumber(), subject.bodyId(), subject.meetingId(),
                        toJson(change.before()), toJson(change.after()), provenance.actor(),
                        Timestamp.from(provenance.recordedAt()), provenance.effectiveOn(), provenance.reason(),
                        provenance.decisionId(), provenance.correlationId(), provenance.commandId());
    }

    /** The columns that say what an event is about, for finding it again. */
    private record Subject(String planId, String versionId, Integer actionNumber, String bodyId, String meetingId) {

        static Subject of(LedgerEvent event) {
            if (event instanceof ActionEvent action) {
                return new Subject(action.action().planId(), action.action().versionId(), action.action().number(), null, null);
            }
            if (event instanceof PlanVersionPublished version) {
                return new Subject(version.planId(), version.versionId(), null, null, null);
            }
            if (event instanceof BodyEvent body) {
                return new Subject(null, null, null, body.bodyId(), null);
            }
            if (event instanceof MeetingEvent meeting) {
                return new Subject(null, null, null, null, meeting.meetingId());
            }
            if (event instanceof DecisionRecorded decision) {
                return new Subject(null, null, null, null, decision.meetingId());
            }
            return new Subject(null, null, null, null, null);
        }
    }

    private String toJson(Map<String, Object> fields) {
        return fields == null ? null : json.writeValueAsString(fields);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE change_log").update();
    }
}
