package org.planledger.query.accountability;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.planledger.query.changes.Change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Who answers for what: a body's actions and record, a person's changes and roles. */
public final class Accountability {

    private Accountability() {
    }

    /**
     * A body's account.
     *
     * @param ownedNow         the actions it owns now, of every version, with where they stand
     * @param ownership        every interval in which it owned an action, in effective time, as recorded now
     * @param overdue          open actions it owns with no progress for more than {@code overdueAfterDays}
     * @param unactedDecisions decisions naming its actions under which nothing has been done to them yet
     */
    @Schema(name = "BodyAccountability")
    public record OfBody(String bodyId, String name, List<OwnedAction> ownedNow, List<Ownership> ownership,
                         int overdueAfterDays, List<Overdue> overdue, List<UnactedDecision> unactedDecisions) {
    }

    @Schema(name = "AccountableAction")
    public record OwnedAction(String ref, String title, String status, @Nullable String timeframe,
                              @Nullable LocalDate lastProgressOn) {
    }

    /** The body owned the action from {@code from} until {@code until} (null while it lasts). */
    public record Ownership(String ref, Instant from, @Nullable Instant until) {
    }

    /** {@code since} is the last progress's effective date, or the day the body took the action on. */
    @Schema(name = "OverdueAction")
    public record Overdue(String ref, String title, LocalDate since, long daysWithoutProgress) {
    }

    public record UnactedDecision(String decisionId, String meetingId, String text, List<String> actions) {
    }

    /**
     * A person's account. A person acts under the name they are known by in the roles ({@code personId}).
     *
     * @param changeCount   every change they made
     * @param recentChanges their latest changes, newest first (the audit log, filtered by actor, has them all)
     */
    @Schema(name = "PersonAccountability")
    public record OfPerson(String personId, List<Role> roles, long changeCount, List<Change> recentChanges) {
    }

    @Schema(name = "PersonRole")
    public record Role(String bodyId, String role, @Nullable String coOptedFrom, LocalDate from,
                       @Nullable LocalDate until) {
    }
}
