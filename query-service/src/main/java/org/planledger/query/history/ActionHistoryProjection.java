package org.planledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.planledger.events.ActionEvent;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.EventCatalogue;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.ProgressRecorded;
import org.planledger.query.Provenance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every change to every action, one row per event with what it was before and after (table action_history).
 * Rows are keyed by the event's global position, so a replayed event is not recorded twice.
 */
@Component
@ProcessingGroup(ActionHistoryProjection.PROCESSING_GROUP)
public class ActionHistoryProjection {

    public static final String PROCESSING_GROUP = "action-history";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ActionHistoryProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ActionEvent event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Change change = describe(event);
        Provenance provenance = Provenance.of(message, token, sequence);
        ActionRef ref = event.action();
        jdbc.sql("""
                INSERT INTO action_history (event_position, event_id, plan_id, version_id, number, sequence_number,
                                            event_type, before, after, actor, recorded_at, effective_on, reason,
                                            decision_id, correlation_id, command_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_position) DO NOTHING""")
                .params(provenance.position(), provenance.eventId(), ref.planId(), ref.versionId(), ref.number(),
                        provenance.sequence(), EventCatalogue.typeName(event.getClass()).orElseThrow(),
                        toJson(change.before()), toJson(change.after()), provenance.actor(),
                        Timestamp.from(provenance.recordedAt()), provenance.effectiveOn(), provenance.reason(),
                        provenance.decisionId(), provenance.correlationId(), provenance.commandId())
                .update();
    }

    /** What an event changed, as the fields it touched before and after. */
    private record Change(Map<String, Object> before, Map<String, Object> after) {
    }

    private static Change describe(ActionEvent event) {
        if (event instanceof ActionPublished published) {
            return new Change(null, fields("aim", published.aim(), "title", published.title(),
                    "timeframe", published.timeframe(), "owner", published.ownerBodyId(), "status", published.status(),
                    "continues", published.continues().stream().map(ActionRef::toString).toList()));
        }
        if (event instanceof ProgressRecorded progress) {
            return new Change(null, fields("summary", progress.summary(), "evidence", progress.evidence()));
        }
        if (event instanceof ActionStatusChanged changed) {
            return new Change(fields("status", changed.from()), fields("status", changed.to()));
        }
        if (event instanceof OwnerReassigned reassigned) {
            return new Change(fields("owner", reassigned.from()), fields("owner", reassigned.to()));
        }
        throw new IllegalStateException("no history description for " + event.getClass().getName());
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private String toJson(Map<String, Object> fields) {
        return fields == null ? null : json.writeValueAsString(fields);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE action_history").update();
    }
}
