package org.planledger.query.report;

import org.planledger.query.Instants;
import org.planledger.query.changes.ChangeLogProjection;
import org.planledger.query.replay.Replays;
import org.planledger.query.status.PlanStatus;
import org.planledger.query.status.PlanStatusProjection;
import org.planledger.query.status.PlanStatusQueries;
import org.planledger.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds progress reports from the temporal read models. A report is fixed by its plan, its date and a position in
 * the event log: it shows what the ledger had recorded up to that position (the latest recorded time among the
 * events up to it), so a report can be built again later, after more has been recorded, and come out the same.
 */
@Service
public class ProgressReports {

    private static final List<String> SOURCES = List.of(PlanStatusProjection.PROCESSING_GROUP,
            ChangeLogProjection.PROCESSING_GROUP);

    private final PlanStatusQueries status;
    private final Replays replays;
    private final JdbcClient jdbc;

    public ProgressReports(PlanStatusQueries status, Replays replays, JdbcClient jdbc) {
        this.status = status;
        this.replays = replays;
        this.jdbc = jdbc;
    }

    /** The position the read models have reached: the one a report built now names. */
    public long latestPosition() {
        return replays.handledUpTo(SOURCES);
    }

    /**
     * @param position where in the log to build from; at most {@link #latestPosition()}
     */
    public ProgressReport build(String planId, LocalDate asOf, long position) {
        if (!status.planExists(planId)) {
            throw new NotFound("there is no plan " + planId);
        }
        Instant knownAt = jdbc.sql("SELECT max(recorded_at) FROM change_log WHERE event_position <= ?").param(position)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.EPOCH);
        PlanStatus plan = status.status(planId, Instants.endOfDay(asOf), knownAt).orElseThrow(() -> new NotFound(
                "plan " + planId + " had no version in force on " + asOf + " as recorded up to position " + position));
        // Bodies' names as recorded up to the position, so a later renaming does not change an old report.
        Map<String, String> names = jdbc.sql("""
                        SELECT DISTINCT ON (body_id) body_id, after ->> 'name' AS name FROM change_log
                         WHERE event_type IN ('BodyEstablished', 'BodyRenamed') AND event_position <= ?
                         ORDER BY body_id, event_position DESC""")
                .param(position)
                .query((rs, row) -> Map.entry(rs.getString("body_id"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ProgressReport.Aim> aims = plan.aims().stream()
                .map(aim -> new ProgressReport.Aim(aim.code(), aim.title(), aim.statement(), aim.actions().stream()
                        .map(action -> action(action, names::get))
                        .toList()))
                .toList();
        return new ProgressReport(planId, plan.version().versionId(), plan.version().title(), asOf, position,
                knownAt, aims);
    }

    private static ProgressReport.Action action(PlanStatus.ActionState action, Function<String, String> names) {
        PlanStatus.Progress progress = action.latestProgress();
        String owner = action.owner() == null ? null : names.apply(action.owner());
        return new ProgressReport.Action(action.number(), action.ref(), action.title(), action.status(),
                owner == null ? action.owner() : owner, action.timeframe(),
                progress == null ? null : progress.summary(), progress == null ? null : progress.effectiveOn());
    }
}
