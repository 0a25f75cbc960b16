package org.planledger.query;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

/**
 * The one replay-safety rule for read-model rows that events update: an event changes a row only if the row has not
 * seen it yet (its {@code last_event_position} is below the event's position), and the row then moves to the event,
 * taking its aggregate's version. A replayed or redelivered event therefore changes nothing.
 */
public final class RowUpdates {

    private RowUpdates() {
    }

    /**
     * {@code UPDATE table SET {set} version, last_event_position WHERE {where} AND the row has not seen the event}.
     *
     * @param set    column assignments ending with a comma, or empty to move the row to the event only
     * @param where  which row, by named parameters
     * @param params the named parameters {@code set} and {@code where} use (no nulls)
     */
    public static void apply(JdbcClient jdbc, String table, String set, String where, Map<String, ?> params,
                             Provenance provenance) {
        jdbc.sql("UPDATE " + table + " SET " + set + " version = :version, last_event_position = :position"
                        + " WHERE " + where + " AND last_event_position < :position")
                .params(params)
                .param("version", provenance.sequence())
                .param("position", provenance.position())
                .update();
    }
}
