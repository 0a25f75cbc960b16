package org.planledger.query;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The processors' places in the event store as token_entry holds them, for every instance sharing that table: which
 * segment each processor has, who holds it and since when, and the position it has handled.
 */
@Component
public class StoredTokens {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<Segment> all() {
        return jdbc.sql("SELECT processor_name, segment, owner, timestamp, token, token_type FROM token_entry "
                        + "ORDER BY processor_name, segment")
                .query((rs, row) -> new Segment(rs.getString("processor_name"), rs.getInt("segment"),
                        rs.getString("owner"), instant(rs.getString("timestamp")),
                        token(rs.getBytes("token"), rs.getString("token_type"))))
                .list();
    }

    private TrackingToken token(byte[] data, String type) {
        return data == null ? null : serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                new SimpleSerializedType(type, null)));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One processor's segment: its holder ({@code null} when released), when it was last claimed, and its token. */
    public record Segment(String processor, int segment, String owner, Instant claimedAt, TrackingToken token) {

        /** The position up to which this segment has handled the events; -1 when it has handled none. */
        public long reached() {
            TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
            return current == null ? -1 : current.position().orElse(-1);
        }
    }
}
