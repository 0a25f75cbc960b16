package org.planledger.query.changes;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change as the API shows it: which event, about what, the fields before and after it, and who made it, when
 * (recorded and effective), why and under which decision.
 */
public record Change(long position, String type, String subject, long sequence, @Nullable JsonNode before,
                     @Nullable JsonNode after, @Nullable String actor, Instant recordedAt,
                     @Nullable LocalDate effectiveOn, @Nullable String reason, @Nullable String decisionId,
                     @Nullable String correlationId, @Nullable String commandId) {
}
