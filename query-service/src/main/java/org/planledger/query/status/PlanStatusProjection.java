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
import org.planledger.query.RowUpdates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each plan version and action stands now, and which actions continue which
 * (tables plan_version, plan_aim, action_status, action_lineage).
 * <p>
 * Replay-safe: inserts are keyed by the plan version or action and ignore repeats; updates follow
 * {@link RowUpdates}.
 */
@Component
@ProcessingGroup(PlanStatusProjection.PROCESSING_GROUP)
public class PlanStatusProjection {

    public static final String PROCESSING_GROUP = "plan-status";

    private final JdbcClient jdbc;

    public PlanStatusProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlanVersionPublished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        jdbc.sql("""
                INSERT INTO plan_version (plan_id, version_id, title, published_on, recorded_at, event_position)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.planId(), event.versionId(), event.title(), event.publishedOn(),
                        Timestamp.from(provenance.recordedAt()), provenance.position())
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
        jdbc.sql("""
                INSERT INTO action_status (plan_id, version_id, number, aim, title, description, timeframe,
                                           owner_body_id, status, version, last_event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(ref.planId(), ref.versionId(), ref.number(), event.aim(), event.title(), event.description(),
                        event.timeframe() == null ? null : event.timeframe().name(), event.ownerBodyId(),
                        event.status().name(), provenance.sequence(), provenance.position())
                .update();
    }

    /**
     * Lineage comes from the earlier action's stream only: every continuation, by publication or by a status
     * change, ends the earlier action with this event, so it alone gives every pair, once.
     */
    @EventHandler
    void on(ActionCarriedForward event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        event.into().forEach(later -> lineage(event.action(), later, provenance));
        update(event.action(), "", Map.of(), provenance);
    }

    private void lineage(ActionRef earlier, ActionRef later, Provenance provenance) {
        jdbc.sql("INSERT INTO action_lineage (earlier, later, event_position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(earlier.toString(), later.toString(), provenance.position())
                .update();
    }

    @EventHandler
    void on(ProgressRecorded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        ActionRef ref = event.action();
        // The latest progress is the one that took effect last; a late report of older progress does not replace it.
        update(ref, """
                        progress_summary      = CASE WHEN progress_effective_on IS NULL OR progress_effective_on <= :effectiveOn
                                                     THEN :summary ELSE progress_summary END,
                        progress_evidence     = CASE WHEN progress_effective_on IS NULL OR progress_effective_on <= :effectiveOn
                                                     THEN :evidence ELSE progress_evidence END,
                        progress_recorded_at  = CASE WHEN progress_effective_on IS NULL OR progress_effective_on <= :effectiveOn
                                                     THEN :recordedAt ELSE progress_recorded_at END,
                        progress_effective_on = GREATEST(progress_effective_on, :effectiveOn),""",
                Map.of("summary", event.summary(),
                        "evidence", event.evidence().toArray(String[]::new),
                        "effectiveOn", provenance.effectiveOn(),
                        "recordedAt", Timestamp.from(provenance.recordedAt())),
                provenance);
    }

    @EventHandler
    void on(ActionStatusChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        update(event.action(), "status = :value,", Map.of("value", event.to().name()), Provenance.of(message, token, sequence));
    }

    @EventHandler
    void on(OwnerReassigned event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        update(event.action(), "owner_body_id = :value,", Map.of("value", event.to()), Provenance.of(message, token, sequence));
    }

    @EventHandler
    void on(TimeframeChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        update(event.action(), "timeframe = :value,", Map.of("value", event.to().name()), Provenance.of(message, token, sequence));
    }

    /** Applies {@code set} to the action's row (see {@link RowUpdates}); an empty one only moves its version. */
    private void update(ActionRef ref, String set, Map<String, ?> params, Provenance provenance) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("planId", ref.planId());
        all.put("versionId", ref.versionId());
        all.put("number", ref.number());
        RowUpdates.apply(jdbc, "action_status", set, "plan_id = :planId AND version_id = :versionId AND number = :number",
                all, provenance);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE plan_version, plan_aim, action_status, action_lineage").update();
    }
}
