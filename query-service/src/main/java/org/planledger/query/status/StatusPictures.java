package org.planledger.query.status;

import org.planledger.events.ActionRef;
import org.planledger.events.EventMetadata;
import org.planledger.query.Instants;
import org.planledger.query.site.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pictures on the plan and action pages, drawn as SVG on the server from the temporal tables: how many actions
 * of each aim stood in each status at the end of every quarter, and an action's status over effective time. Each
 * picture comes with the same figures as a table or list on the page, so nothing is told by colour alone.
 */
@Component
public class StatusPictures {

    /** Status colours: dark enough for 3:1 against white, and each written out in the legend. */
    static final Map<String, String> FILL = new LinkedHashMap<>();

    static {
        FILL.put("NOT_STARTED", "#505a5f");
        FILL.put("IN_PROGRESS", "#1d70b8");
        FILL.put("AT_RISK", "#d4351c");
        FILL.put("COMPLETED", "#00703c");
        FILL.put("CARRIED_FORWARD", "#4c2c92");
        FILL.put("CLOSED", "#8a4b00");
    }

    private final JdbcClient jdbc;

    public StatusPictures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One aim's counts: per date (quarter ends, then now), the number of its actions in each status. */
    public record AimCounts(String aim, List<LocalDate> dates, Map<LocalDate, Map<String, Integer>> counts, String svg) {
    }

    /**
     * Counts per aim at the end of every quarter since the plan's first version took effect, and now, as recorded
     * now. One query: each date is matched to the version in force then and to the intervals that contain it.
     */
    public List<AimCounts> countsOverTime(String planId, Instant now) {
        Instant first = jdbc.sql("SELECT min(effective_from) FROM plan_version WHERE plan_id = ?").param(planId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (first == null) {
            return List.of();
        }
        List<LocalDate> dates = quarterEnds(LocalDate.ofInstant(first, EventMetadata.ZONE), LocalDate.ofInstant(now, EventMetadata.ZONE));
        Timestamp[] instants = dates.stream()
                .map(date -> Timestamp.from(Instants.endOfDay(date)))
                .toArray(Timestamp[]::new);
        Map<String, Map<LocalDate, Map<String, Integer>>> byAim = new TreeMap<>();
        jdbc.sql("""
                        WITH at AS (SELECT unnest(?::timestamptz[]) AS at),
                        in_force AS (
                            SELECT at.at, (SELECT v.version_id FROM plan_version v
                                            WHERE v.plan_id = ? AND v.effective_from <= at.at
                                            ORDER BY v.effective_from DESC, v.version_id DESC LIMIT 1) AS version_id
                              FROM at)
                        SELECT f.at, s.aim, i.status, count(*) AS actions
                          FROM in_force f
                          JOIN action_state_interval i ON i.plan_id = ? AND i.version_id = f.version_id
                               AND i.known_to IS NULL AND i.valid_from <= f.at AND (i.valid_to IS NULL OR i.valid_to > f.at)
                          JOIN action_status s ON s.plan_id = i.plan_id AND s.version_id = i.version_id AND s.number = i.number
                         GROUP BY f.at, s.aim, i.status""")
                .params(instants, planId, planId)
                .query(rs -> {
                    LocalDate date = LocalDate.ofInstant(rs.getTimestamp("at").toInstant(), EventMetadata.ZONE);
                    byAim.computeIfAbsent(rs.getString("aim"), aim -> new TreeMap<>())
                            .computeIfAbsent(date, d -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getInt("actions"));
                });
        List<AimCounts> charts = new ArrayList<>();
        byAim.forEach((aim, counts) -> charts.add(new AimCounts(aim, dates, counts, bars(aim, dates, counts))));
        return charts;
    }

    /** The last day of every quarter from {@code start} up to {@code today}, then today. */
    static List<LocalDate> quarterEnds(LocalDate start, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        YearMonth month = YearMonth.from(start);
        YearMonth quarterEnd = month.plusMonths((3 - month.getMonthValue() % 3) % 3);
        while (!quarterEnd.atEndOfMonth().isAfter(today)) {
            dates.add(quarterEnd.atEndOfMonth());
            quarterEnd = quarterEnd.plusMonths(3);
        }
        if (dates.isEmpty() || !dates.get(dates.size() - 1).equals(today)) {
            dates.add(today);
        }
        return dates;
    }

    private static String bars(String aim, List<LocalDate> dates, Map<LocalDate, Map<String, Integer>> counts) {
        int max = Math.max(1, counts.values().stream()
                .mapToInt(byStatus -> byStatus.values().stream().mapToInt(Integer::intValue).sum()).max().orElse(1));
        int left = 40, top = 10, plotHeight = 160, legendHeight = 60, width = 720;
        double slot = (width - left - 10) / (double) dates.size();
        Svg svg = new Svg("aim-" + aim.toLowerCase(), width, top + plotHeight + 30 + legendHeight,
                "Aim " + aim + ": actions by status at the end of each quarter",
                "Stacked bars, one per quarter; the table below gives the same figures.");
        svg.line(left, top + plotHeight, width - 10, top + plotHeight, "#0b0c0c");
        svg.text(left - 6, top + plotHeight + 5, "end", "0").text(left - 6, top + 12, "end", Integer.toString(max));
        for (int d = 0; d < dates.size(); d++) {
            LocalDate date = dates.get(d);
            double x = left + d * slot + slot * 0.15;
            double y = top + plotHeight;
            Map<String, Integer> byStatus = counts.getOrDefault(date, Map.of());
            for (Map.Entry<String, String> status : FILL.entrySet()) {
                int n = byStatus.getOrDefault(status.getKey(), 0);
                if (n > 0) {
                    double h = plotHeight * n / (double) max;
                    y -= h;
                    svg.rect(x, y, slot * 0.7, h, status.getValue(), date + ": " + n + " " + Formats.words(status.getKey()));
                }
            }
            // Every other quarter, and today; a label just before today's would run into it.
            if ((d % 2 == 0 && d != dates.size() - 2) || d == dates.size() - 1) {
                svg.text(x + slot * 0.35, top + plotHeight + 20, "middle", label(date));
            }
        }
        legend(svg, left, top + plotHeight + 40, width);
        return svg.end();
    }

    /** An action's status over effective time, as the ledger records it now, from its first state until now. */
    public String band(ActionRef ref, Instant now) {
        record Span(Instant from, Instant to, String status) {
        }
        List<Span> recorded = jdbc.sql("""
                        SELECT valid_from, valid_to, status FROM action_state_interval
                         WHERE plan_id = ? AND version_id = ? AND number = ? AND known_to IS NULL
                         ORDER BY valid_from""")
                .params(ref.planId(), ref.versionId(), ref.number())
                .query((rs, row) -> new Span(rs.getTimestamp("valid_from").toInstant(),
                        rs.getTimestamp("valid_to") == null ? null : rs.getTimestamp("valid_to").toInstant(),
                        rs.getString("status")))
                .list();
        if (recorded.isEmpty()) {
            return "";
        }
        Instant start = recorded.get(0).from();
        Instant today = now.isAfter(start) ? now : start.plusSeconds(86_400);
        // The band runs a thirtieth past today, so a status taken on today still shows.
        Instant end = today.plusMillis(Math.max(86_400_000L, (today.toEpochMilli() - start.toEpochMilli()) / 30));
        List<Span> spans = recorded.stream()
                .map(span -> span.to() == null ? new Span(span.from(), end, span.status()) : span).toList();
        int left = 10, width = 720, top = 10, bandHeight = 40;
        double scale = (width - 2 * left) / (double) (end.toEpochMilli() - start.toEpochMilli());
        Svg svg = new Svg("action-band", width, top + bandHeight + 30 + 60, "Status of action " + ref + " over time",
                "A band coloured by status from the day the action took effect until today; the list of changes "
                        + "below gives the same dates.");
        for (Span span : spans) {
            double x = left + (span.from().toEpochMilli() - start.toEpochMilli()) * scale;
            double w = Math.max(1, (span.to().toEpochMilli() - span.from().toEpochMilli()) * scale);
            svg.rect(x, top, w, bandHeight, FILL.getOrDefault(span.status(), "#505a5f"),
                    Formats.words(span.status()) + " from " + LocalDate.ofInstant(span.from(), EventMetadata.ZONE));
        }
        LocalDate first = LocalDate.ofInstant(start, EventMetadata.ZONE);
        for (int year = first.getYear() + 1; year <= LocalDate.ofInstant(end, EventMetadata.ZONE).getYear(); year++) {
            double x = left + (LocalDate.of(year, 1, 1).atStartOfDay(EventMetadata.ZONE).toInstant().toEpochMilli()
                    - start.toEpochMilli()) * scale;
            svg.line(x, top, x, top + bandHeight + 6, "#0b0c0c").text(x, top + bandHeight + 20, "middle",
                    Integer.toString(year));
        }
        legend(svg, left, top + bandHeight + 40, width);
        return svg.end();
    }

    private static void legend(Svg svg, int left, int y, int width) {
        double x = left;
        double row = y;
        for (Map.Entry<String, String> status : FILL.entrySet()) {
            String label = Formats.words(status.getKey());
            double w = 24 + label.length() * 8;
            if (x + w > width) {
                x = left;
                row += 22;
            }
            svg.rect(x, row, 14, 14, status.getValue(), null).text(x + 18, row + 12, "start", label);
            x += w;
        }
    }

    private static String label(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + date.getYear();
    }
}
