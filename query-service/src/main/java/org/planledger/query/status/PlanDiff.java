package org.planledger.query.status;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What changed in a plan between two instants of effective time, both as recorded by {@code knownAt}.
 *
 * @param added          actions that appeared and continue no earlier action
 * @param continuing     actions that appeared and carry on the work of earlier ones
 * @param ended          actions open at {@code from} and completed, closed or carried forward by {@code to}
 * @param carriedForward earlier actions whose work was carried into later ones in between
 * @param changed        owner, timeframe and status changes of actions that existed at both instants
 * @param progress       progress that took effect in between, oldest first
 */
public record PlanDiff(String planId, Side from, Side to, Instant knownAt, List<ActionSummary> added,
                       List<ActionSummary> continuing, List<Ended> ended, List<CarriedForward> carriedForward,
                       List<FieldChange> changed, List<Progress> progress) {

    /** One end of the comparison: the instant, and the version in force then (null if none was). */
    @Schema(name = "DiffSide")
    public record Side(Instant asOf, @Nullable String versionId) {
    }

    public record ActionSummary(String ref, String aim, String title, @Nullable String owner,
                                @Nullable String timeframe, String status, List<String> continues) {
    }

    @Schema(name = "EndedAction")
    public record Ended(String ref, String title, String statusBefore, String status) {
    }

    public record CarriedForward(String action, List<String> into) {
    }

    public record FieldChange(String ref, String field, @Nullable String before, @Nullable String after) {
    }

    @Schema(name = "ProgressBetween")
    public record Progress(String ref, String summary, LocalDate effectiveOn, Instant recordedAt) {
    }
}
