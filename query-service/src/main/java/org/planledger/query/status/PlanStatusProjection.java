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
import org.planledger.query.PendingRows;
import org.planledger.query.ProjectionBatch;
import org.planledger.query.Provenance;
import org.planledger.query.WritesAtBatchEnd;
import org.planledger.query.status.ActionTimeline.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.TIMESTAMP;
import static java.sql.Types.VARCHAR;

/**
 * Where each plan version and action stands, now and at any instant, and which actions continue which (tables
 * plan_version, plan_aim, action_status, action_lineage, and the bitemporal action_fact and action_state_interval
 * that {@link ActionTimelines} keeps).
 * <p>
 * Replay-safe: inserts are keyed by the plan version, action, lineage pair or event position and ignore repeats,
 * and an action's state changes only when its fact is new. Each batch of events is written at its end
 * ({@link ProjectionBatch}).
 */
@Component
@ProcessingGroup(PlanStatusProjection.PROCESSING_GROUP)
@WritesAtBatchEnd
public class PlanStatusProjection {

    public static final String PROCESSING_GROUP = "plan-status";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ActionTimelines timelines;

    PlanStatusProjection(JdbcClient jdbc, JdbcTemplate template, ActionTimelines timelines) {
        this.jdbc = jdbc;
        this.template = template;
        this.timelines = timelines;
    }

    /** What one batch of events writes, in the order it is written: an action's row before its changes. */
    private static final class Pending {
        final PendingRows versions = new PendingRows("""
                INSERT INTO plan_version (plan_id, version_id, title, published_on, recorded_at, effective_from,
                                          event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                VARCHAR, VARCHAR, VARCHAR, DATE, TIMESTAMP, TIMESTAMP, BIGINT);
        final PendingRows aims = new PendingRows("""
                INSERT INTO plan_aim (plan_id, version_id, code, ordinal, title, statement)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR);
        final PendingRows actions = new PendingRows("""
                INSERT INTO action_status (plan_id, version_id, number, aim, title, description, timeframe,
                                           owner_body_id, status, version, last_event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT);
        final PendingRows lineage = new PendingRows("""
                INSERT INTO action_lineage (earlier, later, event_position, effective_from, recorded_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                VARCHAR, VARCHAR, BIGINT, TIMESTAMP, TIMESTAMP);
        final List<ActionTimelines.Change> changes = new ArrayList<>();
    }

    private Pending pending() {
        return ProjectionBatch.current(PROCESSING_GROUP, Pending::new, pending -> {
            pending.versions.writeTo(template);
            pending.aims.writeTo(template);
            pending.actions.writeTo(template);
            pending.lineage.writeTo(template);
            timelines.record(pending.changes);
        });
    }

    @EventHandler
    void on(PlanVersionPublished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        Pending pending = pending();
        pending.versions.add(event.planId(), event.versionId(), event.title(), event.publishedOn(),
                Timestamp.from(provenance.recordedAt()), Timestamp.from(provenance.effectiveFrom()), provenance.position());
        List<Aim> aims = event.aims();
        for (int i = 0; i < aims.size(); i++) {
            Aim aim = aims.get(i);
            pending.aims.add(event.planId(), event.versionId(), aim.code(), i, aim.title(), aim.statement());
        }
    }

    @EventHandler
    void on(ActionPublished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        ActionRef ref = event.action();
        String timeframe = event.timeframe() == null ? null : event.timeframe().name();
        Pending pending = pending();
        pending.actions.add(ref.planId(), ref.versionId(), ref.number(), event.aim(), event.title(), event.description(),
                timeframe, event.ownerBodyId(), event.status().name(), provenance.sequence(), provenance.position());
        record(ref, fact(provenance, Kind.PUBLISHED, event.ownerBodyId(), timeframe, event.status().name()));
    }

    /**
     * Lineage comes from the earlier action's stream only: every continuation, by publication or by a status
     * change, ends the earlier action with this event, so it alone gives every pair, once.
     */
    @EventHandler
    void on(ActionCarriedForward event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        for (ActionRef later : event.into()) {
            pending().lineage.add(event.action().toString(), later.toString(), provenance.position(),
                    Timestamp.from(provenance.effectiveFrom()), Timestamp.from(provenance.recordedAt()));
        }
        record(event.action(), fact(provenance, Kind.CARRIED_FORWARD, null, null, null));
    }

    @EventHandler
    void on(ProgressRecorded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        record(event.action(), new ActionTimeline.Fact(provenance.position(), provenance.sequence(),
                Kind.PROGRESS, provenance.effectiveFrom(), provenance.recordedAt(), null, null, null, event.summary(),
                event.evidence(), provenance.effectiveOn()));
    }

    @EventHandler
    void on(ActionStatusChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        record(event.action(), fact(Provenance.of(message, token, sequence), Kind.STATUS, null, null, event.to().name()));
    }

    @EventHandler
    void on(OwnerReassigned event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        record(event.action(), fact(Provenance.of(message, token, sequence), Kind.OWNER, event.to(), null, null));
    }

    @EventHandler
    void on(TimeframeChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        record(event.action(), fact(Provenance.of(message, token, sequence), Kind.TIMEFRAME, null, event.to().name(), null));
    }

    private void record(ActionRef action, ActionTimeline.Fact fact) {
        pending().changes.add(new ActionTimelines.Change(action, fact));
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
