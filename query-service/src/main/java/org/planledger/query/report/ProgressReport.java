package org.planledger.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A progress report in the shape of the published first-year report: per aim, each action with its latest progress
 * as of a date. {@code position} and {@code knownAt} say which part of the ledger it was built from; building it
 * again for the same plan, date and position gives the same report, byte for byte.
 */
public record ProgressReport(String planId, String versionId, String title, LocalDate asOf, long position,
                             Instant knownAt, List<Aim> aims) {

    public record Aim(String code, String title, String statement, List<Action> actions) {
    }

    /** {@code progress} and {@code progressOn} are null when nothing was recorded by the report's date. */
    public record Action(int number, String ref, String title, String status, String owner, String timeframe,
                         String progress, LocalDate progressOn) {
    }
}
