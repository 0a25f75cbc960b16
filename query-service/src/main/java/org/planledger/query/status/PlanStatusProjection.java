package org.planledger.query.status;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.TimeframeChanged;
import org.planledger.query.Provenance;
import org.planledger.query.status.ActionTimeline.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Where each plan version and action stands, now and at any instant, and which actions continue which (tables
 * plan_version, plan_aim, action_status, action_lineage, and the bitemporal action_fact and action_state_interval
 * that {@link ActionTimelines} keeps).
 * <p>
 * Replay-safe: inserts are keyed by the plan version, action, lineage pair or event position and ignore repeats,
 * and an action's state changes only when its fact is new.
 */
@Component
@ProcessingGroup(PlanStatusProjection.PROCESSING_GROUP)
public class PlanStatusProjection {

    public static final String PROCESSING_GROUP = "plan-status";

    private final JdbcClient jdbc;
    private final ActionTimelines timelines;

    PlanStatusProjection(JdbcClient jdbc, ActionTimelines timelines) {
        this.jdbc = jdbc;
        this.timelines = timelines;
    }

    @EventHandler
    void on(PlanVersionPublished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        jdbc.sql("""
                INSERT INTO plan_version (plan_id, version_id, title, published_on, recorded_at, effective_from,
                                          event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.planId(), event.versionId(), event.title(), event.publishedOn(),
                        Timestamp.from(provenance.recordedAt()), Timestamp.from(provenance.effectiveFrom()),
                        provenance.position())
                .update();
        List<Aim> aims = event.aims();
        for (int i = 0; i < aims.size(); i++) {
            Aim aim = aims.get(i);
            jdbc.sql("""
                    INSERT INTO plan_aim (plan_id, version_id, code, ordinal, title, statement)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.planId(), event.versionId(), aim.code(), i, aim.title(), aim.statement())
                    .update();
        }
    }

    @EventHandler
    void on(ActionPublished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        ActionRef ref = event.action();
        String timeframe = event.timeframe() == null ? null : event.timeframe().name();
        jdbc.sql("""
                INSERT INTO action_status (plan_id, version_id, number, aim, title, description, timeframe,
                                           owner_body_id, status, version, last_event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(ref.planId(), ref.versionId(), ref.number(), event.aim(), event.title(), event.description(),
                        timeframe, event.ownerBodyId(), event.status().name(), provenance.sequence(), provenance.position())
                .update();
        timelines.record(ref, fact(provenance, Kind.PUBLISHED, event.ownerBodyId(), timeframe, event.status().name()));
    }

    /**
     * Lineage comes from the earlier action's stream only: every continuation, by publication or by a status
     * change, ends the earlier action with this event, so it alone gives every pair, once.
     */
    @EventHandler
    void on(ActionCarriedForward event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        for (ActionRef later : event.into()) {
            jdbc.sql("""
                    INSERT INTO action_lineage (earlier, later, event_position, effective_from, recorded_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.action().toString(), later.toString(), provenance.position(),
                            Timestamp.from(provenance.effectiveFrom()), Timestamp.from(provenance.recordedAt()))
                    .update();
        }
        timelines.record(event.action(), fact(provenance, Kind.CARRIED_FORWARD, null, null, null));
    }

    @EventHandler
    void on(ProgressRecorded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        timelines.record(event.action(), new ActionTimeline.Fact(provenance.position(), provenance.sequence(),
                Kind.PROGRESS, provenance.effectiveFrom(), provenance.recordedAt(), null, null, null, event.summary(),
                event.evidence(), provenance.effectiveOn()));
    }

    @EventHandler
    void on(ActionStatusChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        timelines.record(event.action(),
                fact(Provenance.of(message, token, sequence), Kind.STATUS, null, null, event.to().name()));
    }

    @EventHandler
    void on(OwnerReassigned event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        timelines.record(event.action(), fact(Provenance.of(message, token, sequence), Kind.OWNER, event.to(), null, null));
    }

    @EventHandler
    void on(TimeframeChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        timelines.record(event.action(),
                fact(Provenance.of(message, token, sequence), Kind.TIMEFRAME, null, event.to().name(), null));
    }

    private static ActionTimeline.Fact fact(Provenance provenance, Kind kind, String owner, String timeframe,
                                            String status) {
        return new ActionTimeline.Fact(provenance.position(), provenance.sequence(), kind, provenance.effectiveFrom(),
                provenance.recordedAt(), owner, timeframe, status, null, null, null);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE plan_version, plan_aim, action_status, action_lineage, action_fact, action_state_interval").update();
    }
}
