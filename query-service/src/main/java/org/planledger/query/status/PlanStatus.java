package org.planledger.query.status;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as it stood at effective instant {@code asOf}, as the ledger had recorded it by {@code knownAt}: the version
 * in force, and its aims with their actions.
 */
public record PlanStatus(String planId, Instant asOf, Instant knownAt, Version version, List<AimStatus> aims) {

    @Schema(name = "PlanVersion")
    public record Version(String versionId, String title, LocalDate publishedOn) {
    }

    public record AimStatus(String code, String title, @Nullable String statement, List<ActionState> actions) {
    }

    /**
     * One action now. {@code continues} and {@code continuedBy} are its lineage as action references;
     * {@code version} is what an If-Match on its commands should carry.
     */
    public record ActionState(String ref, int number, String aim, String title, @Nullable String description,
                              @Nullable String timeframe, @Nullable String owner, String status, List<String> continues,
                              List<String> continuedBy, @Nullable Progress latestProgress, long version) {
    }

    /** The progress update that took effect last. */
    @Schema(name = "LatestProgress")
    public record Progress(String summary, @Nullable List<String> evidence, LocalDate effectiveOn, Instant recordedAt) {
    }
}
