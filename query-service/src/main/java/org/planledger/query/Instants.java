package org.planledger.query;

import org.planledger.events.EventMetadata;
import org.planledger.web.Dates;
import org.planledger.web.InvalidRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads the instants people pass as query parameters ({@code asOf}, {@code knownAt}, {@code from}, {@code to}):
 * an ISO instant with its offset ({@code 2024-03-05T10:15:00Z}) or a date ({@code 2024-03-05}), which means a
 * whole day in {@link EventMetadata#ZONE}: its start when it opens a range, its end otherwise. Either must fall in the
 * years {@link Dates} allows.
 */
public final class Instants {

    private Instants() {
    }

    /** The parameter as an instant that includes the whole of a given date; now when absent. */
    public static Instant endOf(String name, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return clock.instant().truncatedTo(ChronoUnit.MICROS);
        }
        return parse(name, value, true);
    }

    /** The parameter as an instant that includes the whole of a given date; null when absent. */
    public static Instant endOf(String name, String value) {
        return value == null || value.isBlank() ? null : parse(name, value, true);
    }

    /** The parameter as the first instant of a given date, or the instant given; null when absent. */
    public static Instant startOf(String name, String value) {
        return value == null || value.isBlank() ? null : parse(name, value, false);
    }

    /** The last instant of a day in {@link EventMetadata#ZONE}: its last microsecond, as PostgreSQL keeps no finer time. */
    public static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(EventMetadata.ZONE).toInstant().minus(1, ChronoUnit.MICROS);
    }

    private static Instant parse(String name, String value, boolean end) {
        Optional<LocalDate> date = Dates.parse(value);
        if (date.isPresent()) {
            return end ? endOfDay(date.get()) : date.get().atStartOfDay(EventMetadata.ZONE).toInstant();
        }
        try {
            OffsetDateTime instant = OffsetDateTime.parse(value);
            if (value.length() > 10 && Dates.within(instant.toLocalDate())) {
                return instant.toInstant().truncatedTo(ChronoUnit.MICROS);
            }
        } catch (DateTimeParseException e) {
            // refused below, as is an instant outside the years a date may have
        }
        throw new InvalidRequest(name, "must be a date such as 2024-03-05 or an instant with its offset such as "
                + "2024-03-05T10:15:00Z, in the years 1900 to 9999, not '" + abbreviate(value) + "'");
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
