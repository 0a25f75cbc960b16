package org.planledger.query.body;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyRemitChanged;
import org.planledger.events.BodyRenamed;
import org.planledger.events.ChairAppointed;
import org.planledger.events.ChairCoOpted;
import org.planledger.events.MemberAdded;
import org.planledger.events.MemberRemoved;
import org.planledger.events.Person;
import org.planledger.query.Provenance;
import org.planledger.query.RowUpdates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Governance bodies and who held which role when (tables body, body_role).
 * <p>
 * Replay-safe like the other projections: rows an event creates are keyed by it and ignore repeats; updates follow
 * {@link RowUpdates}; a role ends only if it began before the ending event.
 */
@Component
@ProcessingGroup(BodyProjection.PROCESSING_GROUP)
public class BodyProjection {

    /** Bodies, meetings and decisions are projected by one processor. */
    public static final String PROCESSING_GROUP = "governance";

    private final JdbcClient jdbc;

    public BodyProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BodyEstablished event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        jdbc.sql("""
                INSERT INTO body (body_id, kind, name, remit, aim, established_on, version, last_event_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.bodyId(), event.kind().name(), event.name(), event.remit(), event.aim(), event.establishedOn(),
                        provenance.sequence(), provenance.position())
                .update();
    }

    @EventHandler
    void on(BodyRenamed event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        updateBody(event.bodyId(), "name", event.to(), Provenance.of(message, token, sequence));
    }

    @EventHandler
    void on(BodyRemitChanged event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        updateBody(event.bodyId(), "remit", event.to(), Provenance.of(message, token, sequence));
    }

    @EventHandler
    void on(ChairAppointed event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        endRoles("body_id = ? AND role = 'CHAIR'", provenance, event.bodyId());
        startRole(event.bodyId(), event.chair(), "CHAIR", null, provenance);
        updateBody(event.bodyId(), null, null, provenance);
    }

    @EventHandler
    void on(MemberAdded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        startRole(event.bodyId(), event.member(), "MEMBER", null, provenance);
        updateBody(event.bodyId(), null, null, provenance);
    }

    @EventHandler
    void on(MemberRemoved event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        endRoles("body_id = ? AND person_id = ? AND role IN ('MEMBER', 'CO_OPTED')", provenance,
                event.bodyId(), event.member().personId());
        updateBody(event.bodyId(), null, null, provenance);
    }

    @EventHandler
    void on(ChairCoOpted event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        startRole(event.bodyId(), event.chair(), "CO_OPTED", event.chairOf(), provenance);
        updateBody(event.bodyId(), null, null, provenance);
    }

    @EventHandler
    void on(BodyDisbanded event, EventMessage<?> message, TrackingToken token, @SequenceNumber long sequence) {
        Provenance provenance = Provenance.of(message, token, sequence);
        endRoles("body_id = ?", provenance, event.bodyId());
        updateBody(event.bodyId(), "disbanded_on", event.disbandedOn(), provenance);
    }

    private void startRole(String bodyId, Person person, String role, String coOptedFrom, Provenance provenance) {
        jdbc.sql("""
                INSERT INTO body_role (body_id, person_id, person_name, role, co_opted_from, from_on, started_position)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(bodyId, person.personId(), person.name(), role, coOptedFrom, provenance.effectiveOn(),
                        provenance.position())
                .update();
    }

    /** Ends the open roles matching {@code where}, as of the event; roles the event itself began stay open. */
    private void endRoles(String where, Provenance provenance, Object... whereParams) {
        Object[] params = new Object[whereParams.length + 3];
        params[0] = provenance.effectiveOn();
        params[1] = provenance.position();
        System.arraycopy(whereParams, 0, params, 2, whereParams.length);
        params[params.length - 1] = provenance.position();
        jdbc.sql("UPDATE body_role SET until_on = ?, ended_position = ? WHERE " + where
                        + " AND ended_position IS NULL AND started_position < ?")
                .params(params)
                .update();
    }

    /** Moves the body's row to the event (see {@link RowUpdates}), setting one column too if given. */
    private void updateBody(String bodyId, String column, Object value, Provenance provenance) {
        RowUpdates.apply(jdbc, "body", column == null ? "" : column + " = :value,", "body_id = :bodyId",
                column == null ? Map.of("bodyId", bodyId) : Map.of("bodyId", bodyId, "value", value), provenance);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE body, body_role").update();
    }
}
