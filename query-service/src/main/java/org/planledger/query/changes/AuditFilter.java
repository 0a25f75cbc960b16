package org.planledger.query.changes;

import java.time.Instant;

/**
 * Which entries of the audit log to show; null fields do not filter. {@code from} and {@code to} bound the recorded
 * time, both inclusive.
 */
public record AuditFilter(String actor, Instant from, Instant to, String action, String body, String type,
                          String decision) {
}
