package org.planledger.query.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An action's state over effective time, folded from every change recorded to it. The fold is what the ledger
 * knows at one recorded instant; {@link ActionTimelines} keeps each fold's segments with the recorded interval in
 * which they held, which makes the state answerable for any pair of instants.
 */
final class ActionTimeline {

    private ActionTimeline() {
    }

    enum Kind { PUBLISHED, PROGRESS, STATUS, OWNER, TIMEFRAME, CARRIED_FORWARD }

    /**
     * One recorded change (a row of action_fact). {@code PUBLISHED} sets every field; the other kinds set theirs
     * and leave the rest null.
     */
    record Fact(long position, long sequence, Kind kind, Instant effectiveFrom, Instant recordedAt, String owner,
                String timeframe, String status, String progressSummary, List<String> progressEvidence,
                LocalDate progressEffectiveOn) {
    }

    /** The action's state from some instant on; the progress is the one that took effect last. */
    record State(String owner, String timeframe, String status, String progressSummary, List<String> progressEvidence,
                 LocalDate progressEffectiveOn, Instant progressRecordedAt, long version) {

        State apply(Fact fact) {
            long at = Math.max(version, fact.sequence());
            return switch (fact.kind()) {
                case PUBLISHED -> new State(fact.owner(), fact.timeframe(), fact.status(), null, null, null, null, at);
                case PROGRESS -> new State(owner, timeframe, status, fact.progressSummary(), fact.progressEvidence(),
                        fact.progressEffectiveOn(), fact.recordedAt(), at);
                case STATUS -> new State(owner, timeframe, fact.status(), progressSummary, progressEvidence,
                        progressEffectiveOn, progressRecordedAt, at);
                case OWNER -> new State(fact.owner(), timeframe, status, progressSummary, progressEvidence,
                        progressEffectiveOn, progressRecordedAt, at);
                case TIMEFRAME -> new State(owner, fact.timeframe(), status, progressSummary, progressEvidence,
                        progressEffectiveOn, progressRecordedAt, at);
                case CARRIED_FORWARD -> new State(owner, timeframe, status, progressSummary, progressEvidence,
                        progressEffectiveOn, progressRecordedAt, at);
            };
        }
    }

    /** The state over effective time [validFrom, validTo); a null validTo is open. */
    record Segment(Instant validFrom, Instant validTo, State state) {
    }

    /**
     * Folds the facts in effective order (ties in the order they were recorded). The timeline starts when the action
     * was published: a change dated earlier counts from then, since the action did not exist before.
     */
    static List<Segment> fold(List<Fact> facts) {
        Fact publication = facts.stream().filter(f -> f.kind() == Kind.PUBLISHED).findFirst().orElse(null);
        if (publication == null) {
            return List.of();
        }
        Instant start = publication.effectiveFrom();
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(Comparator.comparing((Fact f) -> max(f.effectiveFrom(), start)).thenComparingLong(Fact::position));

        List<Segment> segments = new ArrayList<>();
        State state = null;
        Instant from = null;
        for (Fact fact : ordered) {
            Instant at = max(fact.effectiveFrom(), start);
            if (state != null && !at.equals(from)) {
                segments.add(new Segment(from, at, state));
            }
            if (state == null && fact.kind() != Kind.PUBLISHED) {
                continue; // recorded before publication in the stream: impossible for commands, ignored if it appears
            }
            state = state == null ? new State(null, null, null, null, null, null, null, -1).apply(fact) : state.apply(fact);
            from = at;
        }
        segments.add(new Segment(from, null, state));
        return segments;
    }

    /**
     * The fold with one more fact, from its last segment alone, for a fact that takes effect no earlier than that
     * segment began and was recorded after every fact folded so far: it sorts last, so only the last segment changes
     * (it ends where the fact takes effect, or takes the fact on if both begin at the same instant). Equal to
     * refolding every fact, without reading them.
     */
    static List<Segment> extend(Segment last, Fact fact) {
        if (fact.effectiveFrom().isBefore(last.validFrom()) || fact.kind() == Kind.PUBLISHED) {
            throw new IllegalArgumentException("fact " + fact.position() + " does not sort last; refold instead");
        }
        State next = last.state().apply(fact);
        return fact.effectiveFrom().equals(last.validFrom())
                ? List.of(new Segment(last.validFrom(), null, next))
                : List.of(new Segment(last.validFrom(), fact.effectiveFrom(), last.state()),
                        new Segment(fact.effectiveFrom(), null, next));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
