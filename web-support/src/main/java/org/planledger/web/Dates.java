package org.planledger.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates a request may give, in a body or a parameter: ISO dates ({@code 2024-03-05}) in the years 1900 to 9999.
 * Java parses {@code +999999999-12-31}, but such a date overflows the instants and PostgreSQL dates made from it, so
 * it is refused where it arrives, naming the field, rather than failing later.
 */
public final class Dates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    public static final String EXPECTED = "a date such as 2024-03-05, in the years 1900 to 9999";
    private static final Pattern ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Dates() {
    }

    /** The date the text names, or empty when it is not one the ledger takes. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || !ISO.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return within(date) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean within(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }
}
