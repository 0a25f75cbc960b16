package org.planledger.system;

import org.planledger.localpostgres.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the system tests read straight from PostgreSQL: events in the store, and the read models' contents. */
final class Store {

    private Store() {
    }

    /** How many times each progress summary on action 2023-11/7 that starts with {@code prefix} is in the store. */
    static Map<String, Integer> progressOnAction7(Database database, String prefix) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'summary' FROM events.domain_event_entry
                      WHERE aggregate_identifier = 'chronic-pain/2023-11/7' AND payload_type = 'ProgressRecorded'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(1).startsWith(prefix)) {
                    counts.merge(rows.getString(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Per projection, how many of its segments each query-service instance holds (by token owner). */
    static Map<String, Map<String, Integer>> segmentOwners(Database database) throws SQLException {
        Map<String, Map<String, Integer>> owners = new TreeMap<>();
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT processor_name, coalesce(owner, 'nobody') FROM projections.token_entry")) {
            while (rows.next()) {
                owners.computeIfAbsent(rows.getString(1), p -> new TreeMap<>()).merge(rows.getString(2), 1, Integer::sum);
            }
        }
        return owners;
    }

    /** Events in the store that the change log (one row per event) does not have. */
    static long eventsMissingFromChangeLog(Database database) throws SQLException {
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT count(*) FROM events.domain_event_entry e
                      WHERE NOT EXISTS (SELECT 1 FROM projections.change_log c WHERE c.event_position = e.global_index)""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Per read-model table, its row count and a digest of all its rows in a fixed order: equal fingerprints mean
     * equal contents. Tokens, migration history and the running instances are not read models.
     */
    static Map<String, String> readModels(Database database) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection connection = database.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = 'projections'
                       AND table_type = 'BASE TABLE'
                       AND table_name NOT IN ('token_entry', 'flyway_schema_history', 'query_instance')""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') "
                                + "FROM projections." + table + " t")) {
                    rows.next();
                    fingerprint.put(table, rows.getString(1));
                }
            }
        }
        return fingerprint;
    }
}
