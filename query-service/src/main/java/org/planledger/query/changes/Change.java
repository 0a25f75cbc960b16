package org.planledger.query.changes;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change as the API shows it: which event, about what, the fields before and after it, and who made it, when
 * (recorded and effective), why and under which decision.
 */
public record Change(long position, String type, String subject, long sequence, JsonNode before, JsonNode after,
                     String actor, Instant recordedAt, LocalDate effectiveOn, String reason, String decisionId,
                     String correlationId, String commandId) {
}
