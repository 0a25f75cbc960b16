package org.planledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.planledger.events.EventMetadata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an event sits in the store and who made it, when and why: its global position, its sequence in its
 * aggregate, and its metadata. Projections key their rows by {@code position}, which makes replays idempotent.
 */
public record Provenance(long position, long sequence, String eventId, String actor, Instant recordedAt,
                         LocalDate effectiveOn, String reason, String decisionId, String correlationId,
                         String commandId) {

    public static Provenance of(EventMessage<?> event, TrackingToken token, long sequence) {
        MetaData metadata = event.getMetaData();
        // PostgreSQL keeps microseconds; truncating here makes what a projection computes equal what it reads back.
        Instant recordedAt = (text(metadata, EventMetadata.RECORDED_AT) == null
                ? event.getTimestamp()
                : Instant.parse(text(metadata, EventMetadata.RECORDED_AT))).truncatedTo(ChronoUnit.MICROS);
        String effectiveOn = text(metadata, EventMetadata.EFFECTIVE_ON);
        return new Provenance(
                token.position().orElseThrow(() -> new IllegalStateException("event without a global position")),
                sequence,
                event.getIdentifier(),
                text(metadata, EventMetadata.ACTOR),
                recordedAt,
                effectiveOn == null ? LocalDate.ofInstant(recordedAt, EventMetadata.ZONE) : LocalDate.parse(effectiveOn),
                text(metadata, EventMetadata.REASON),
                text(metadata, EventMetadata.DECISION_ID),
                text(metadata, EventMetadata.CORRELATION_ID),
                text(metadata, EventMetadata.COMMAND_ID));
    }

    /**
     * The instant the change took effect. A change dated the day it was recorded took effect when it was recorded;
     * one dated earlier (or later), at the start of that day in {@link EventMetadata#ZONE}.
     */
    public Instant effectiveFrom() {
        return effectiveOn.equals(LocalDate.ofInstant(recordedAt, EventMetadata.ZONE))
                ? recordedAt
                : effectiveOn.atStartOfDay(EventMetadata.ZONE).toInstant();
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
