package org.planledger.query.report;

import org.planledger.events.EventMetadata;
import org.planledger.query.site.Formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words a report uses in every format; the HTML template reaches it as the variable {@code text}. */
public final class ReportText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss.SSSSSS", Locale.UK)
            .withZone(EventMetadata.ZONE);

    ReportText() {
    }

    public static String date(LocalDate date) {
        return Formats.date(date);
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The action's latest progress as of the report's date, with the date it took effect. */
    public static String progress(ProgressReport.Action action) {
        return action.progress() == null
                ? "no progress had been recorded by this date."
                : action.progress().strip() + " (" + date(action.progressOn()) + ")";
    }

    public static String facts(ProgressReport.Action action) {
        return "Status: " + (action.status() == null ? "not set" : Formats.words(action.status()))
                + ". Owner: " + (action.owner() == null ? "not assigned" : action.owner())
                + ". Timeframe: " + (action.timeframe() == null ? "not set" : Formats.timeframe(action.timeframe()))
                + ".";
    }
}
