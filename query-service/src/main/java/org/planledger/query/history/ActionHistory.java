package org.planledger.query.history;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every change to one action, oldest first. */
public record ActionHistory(String action, List<Change> changes) {

    /** One event: what kind of change, the fields before and after it, and who made it, when and under what authority. */
    public record Change(long position, long sequence, String type, JsonNode before, JsonNode after, String actor,
                         Instant recordedAt, LocalDate effectiveOn, String reason, String decisionId,
                         String correlationId, String commandId) {
    }
}
