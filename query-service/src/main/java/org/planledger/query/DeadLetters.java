package org.planledger.query;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.jspecify.annotations.Nullable;
import org.planledger.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The events the projections have parked (see DeadLetterConfiguration), and what the secretariat can do with them:
 * retry one's sequence once the cause is fixed, or evict one, so that its projection goes on without it for ever.
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String LETTERS = """
            SELECT d.dead_letter_id, d.processing_group, d.sequence_identifier, d.sequence_index, d.event_identifier,
                   e.global_index, d.payload_type, d.cause_message, d.enqueued_at, d.last_touched
            FROM dead_letter_entry d
            LEFT JOIN events.domain_event_entry e ON e.event_identifier = d.event_identifier
            """;

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.clock = clock;
    }

    /** Every parked event, by projection, sequence and place in its sequence. */
    public List<Letter> all() {
        return jdbc.sql(LETTERS + "ORDER BY d.processing_group, d.sequence_identifier, d.sequence_index")
                .query(DeadLetters::letter).list();
    }

    /** The parked events their projections have dropped, newest first. */
    public List<Eviction> evictions() {
        return jdbc.sql("""
                        SELECT dead_letter_id, processing_group, event_identifier, event_position, payload_type, cause,
                               evicted_by, evicted_at
                        FROM dead_letter_eviction ORDER BY evicted_at DESC""")
                .query((rs, row) -> new Eviction(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                        rs.getString("event_identifier"), (Long) rs.getObject("event_position"),
                        rs.getString("payload_type"), rs.getString("cause"), rs.getString("evicted_by"),
                        rs.getTimestamp("evicted_at").toInstant()))
                .list();
    }

    /**
     * Handles the parked events of this letter's sequence again, oldest first, stopping at the first that fails
     * again (it stays parked, with its new cause). Returns what is still parked in that sequence.
     */
    public List<Letter> retry(String id) {
        Letter letter = find(id);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(letter.processingGroup())
                .orElseThrow(() -> new NotFound("projection " + letter.processingGroup() + " has no dead-letter queue"));
        try {
            processor.process(first -> first instanceof JdbcDeadLetter<?> jdbcLetter
                    && jdbcLetter.getSequenceIdentifier().equals(letter.sequence()));
        } catch (RuntimeException e) {
            // The retry failed and was rolled back whole: the letters stay parked as they were.
            log.warn("Retrying the parked events of {} in {} failed: {}", letter.sequence(), letter.processingGroup(),
                    e.toString());
        }
        return sequence(letter);
    }

    /** Drops one parked event from its projection for good, and records who did so. */
    public Eviction evict(String id, String actor) {
        Letter letter = find(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.processingGroup())
                .orElseThrow(() -> new NotFound("projection " + letter.processingGroup() + " has no dead-letter queue"));
        DeadLetter<? extends EventMessage<?>> parked = StreamSupport.stream(
                        queue.deadLetterSequence(letter.sequence()).spliterator(), false)
                .filter(candidate -> candidate instanceof JdbcDeadLetter<?> jdbcLetter && jdbcLetter.getIdentifier().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("no parked event " + id));
        queue.evict(parked);
        Eviction eviction = new Eviction(id, letter.processingGroup(), letter.eventId(), letter.position(),
                letter.eventType(), letter.cause(), actor, clock.instant());
        jdbc.sql("""
                        INSERT INTO dead_letter_eviction (dead_letter_id, processing_group, event_identifier, event_position,
                                                          payload_type, cause, evicted_by, evicted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, eviction.processingGroup(), eviction.eventId(), eviction.position(), eviction.eventType(),
                        eviction.cause(), actor, Timestamp.from(eviction.evictedAt()))
                .update();
        log.warn("{} evicted event {} (position {}) from {}: that projection will never show it", actor,
                letter.eventId(), letter.position(), letter.processingGroup());
        return eviction;
    }

    private Letter find(String id) {
        return jdbc.sql(LETTERS + "WHERE d.dead_letter_id = ?").param(id).query(DeadLetters::letter).optional()
                .orElseThrow(() -> new NotFound("no parked event " + id));
    }

    private List<Letter> sequence(Letter letter) {
        return jdbc.sql(LETTERS + "WHERE d.processing_group = ? AND d.sequence_identifier = ? ORDER BY d.sequence_index")
                .params(letter.processingGroup(), letter.sequence())
                .query(DeadLetters::letter).list();
    }

    private static Letter letter(ResultSet rs, int row) throws SQLException {
        return new Letter(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("event_identifier"),
                (Long) rs.getObject("global_index"), rs.getString("payload_type"), rs.getString("cause_message"),
                instant(rs.getString("enqueued_at")), instant(rs.getString("last_touched")));
    }

    private static Instant instant(String text) {
        return Optional.ofNullable(text).map(Instant::parse).orElse(null);
    }

    /**
     * A parked event: its projection ({@code processingGroup}), the sequence it holds up (its aggregate), its place
     * there, the event's id, position in the store and type, why it failed last, and when.
     */
    @Schema(name = "DeadLetter")
    public record Letter(String id, String processingGroup, String sequence, long index, String eventId,
                         @Nullable Long position, String eventType, @Nullable String cause, Instant enqueuedAt,
                         @Nullable Instant lastTouched) {
    }

    /** A parked event dropped from its projection: which, why it had failed, who dropped it and when. */
    public record Eviction(String id, String processingGroup, String eventId, @Nullable Long position, String eventType,
                           @Nullable String cause, String evictedBy, Instant evictedAt) {
    }
}
