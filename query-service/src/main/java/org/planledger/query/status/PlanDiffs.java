package org.planledger.query.status;

import org.planledger.events.ActionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a plan at two instants. Both sides are read from the temporal tables like any as-of status; the events
 * in between (continuations, progress) come from the rows dated between them.
 */
@Service
public class PlanDiffs {

    private final PlanStatusQueries status;
    private final JdbcClient jdbc;

    public PlanDiffs(PlanStatusQueries status, JdbcClient jdbc) {
        this.status = status;
        this.jdbc = jdbc;
    }

    public PlanDiff between(String planId, Instant from, Instant to, Instant knownAt) {
        Optional<PlanStatus.Version> fromVersion = status.versionInForce(planId, from, knownAt);
        Optional<PlanStatus.Version> toVersion = status.versionInForce(planId, to, knownAt);
        Set<String> versions = new LinkedHashSet<>();
        fromVersion.ifPresent(v -> versions.add(v.versionId()));
        toVersion.ifPresent(v -> versions.add(v.versionId()));
        Map<String, PlanStatus.ActionState> before = actions(planId, versions, from, knownAt);
        Map<String, PlanStatus.ActionState> after = actions(planId, versions, to, knownAt);

        List<PlanDiff.ActionSummary> added = new ArrayList<>();
        List<PlanDiff.ActionSummary> continuing = new ArrayList<>();
        List<PlanDiff.Ended> ended = new ArrayList<>();
        List<PlanDiff.FieldChange> changed = new ArrayList<>();
        after.forEach((ref, now) -> {
            PlanStatus.ActionState then = before.get(ref);
            if (then == null) {
                (now.continues().isEmpty() ? added : continuing).add(new PlanDiff.ActionSummary(ref, now.aim(),
                        now.title(), now.owner(), now.timeframe(), now.status(), now.continues()));
                return;
            }
            if (!ended(then) && ended(now)) {
                ended.add(new PlanDiff.Ended(ref, now.title(), then.status(), now.status()));
            }
            compare(ref, "owner", then.owner(), now.owner(), changed);
            compare(ref, "timeframe", then.timeframe(), now.timeframe(), changed);
            compare(ref, "status", then.status(), now.status(), changed);
        });
        return new PlanDiff(planId,
                new PlanDiff.Side(from, fromVersion.map(PlanStatus.Version::versionId).orElse(null)),
                new PlanDiff.Side(to, toVersion.map(PlanStatus.Version::versionId).orElse(null)),
                knownAt, added, continuing, ended, carriedForward(planId, from, to, knownAt), changed,
                progress(planId, from, to, knownAt));
    }

    private Map<String, PlanStatus.ActionState> actions(String planId, Set<String> versions, Instant at, Instant knownAt) {
        return versions.stream()
                .flatMap(version -> status.aims(planId, version, at, knownAt).stream())
                .flatMap(aim -> aim.actions().stream())
                .collect(Collectors.toMap(PlanStatus.ActionState::ref, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static boolean ended(PlanStatus.ActionState action) {
        return ActionStatus.valueOf(action.status()).isEnded();
    }

    private static void compare(String ref, String field, String before, String after, List<PlanDiff.FieldChange> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(new PlanDiff.FieldChange(ref, field, before, after));
        }
    }

    private List<PlanDiff.CarriedForward> carriedForward(String planId, Instant from, Instant to, Instant knownAt) {
        Map<String, List<String>> into = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT earlier, later FROM action_lineage
                         WHERE earlier LIKE :plan AND effective_from > :from AND effective_from <= :to
                           AND recorded_at <= :knownAt
                         ORDER BY event_position, later""")
                .param("plan", planId + "/%").param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("knownAt", Timestamp.from(knownAt))
                .query((rs, row) -> into.computeIfAbsent(rs.getString("earlier"), k -> new ArrayList<>())
                        .add(rs.getString("later")))
                .list();
        return into.entrySet().stream().map(e -> new PlanDiff.CarriedForward(e.getKey(), e.getValue())).toList();
    }

    private List<PlanDiff.Progress> progress(String planId, Instant from, Instant to, Instant knownAt) {
        return jdbc.sql("""
                        SELECT plan_id, version_id, number, progress_summary, progress_effective_on, recorded_at
                          FROM action_fact
                         WHERE kind = 'PROGRESS' AND plan_id = ? AND effective_from > ? AND effective_from <= ?
                           AND recorded_at <= ?
                         ORDER BY effective_from, event_position""")
                .params(planId, Timestamp.from(from), Timestamp.from(to), Timestamp.from(knownAt))
                .query((rs, row) -> new PlanDiff.Progress(
                        rs.getString("plan_id") + "/" + rs.getString("version_id") + "/" + rs.getInt("number"),
                        rs.getString("progress_summary"), rs.getObject("progress_effective_on", LocalDate.class),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
