package org.planledger.command;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** What the event store holds, read straight from its table so tests see exactly what was appended. */
@Component
public class StoredEvents {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(long position, String aggregate, long sequence, String type, Map<String, Object> payload,
                         Map<String, Object> metadata) {
    }

    /**
     * Every event of an aggregate and of those whose identifiers extend it: a plan version and its actions
     * ({@code chronic-pain/2023-11}), or every stream of a kind ({@code body}).
     */
    public List<Stored> under(String aggregatePrefix) {
        return jdbc.sql("""
                        SELECT global_index, aggregate_identifier, sequence_number, payload_type,
                               convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
                          FROM events.domain_event_entry
                         WHERE aggregate_identifier = ? OR aggregate_identifier LIKE ?
                         ORDER BY global_index""")
                .params(aggregatePrefix, aggregatePrefix + (aggregatePrefix.contains("/") ? "/%" : ":%"))
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        json.readValue(rs.getString(5), MAP), json.readValue(rs.getString(6), MAP)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single();
    }
}
