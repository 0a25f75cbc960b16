package org.planledger.benchmarks;

import org.planledger.localpostgres.TestDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What a benchmark run prints, kept as well: at the end of the run it replaces the run's section in
 * docs/benchmarks.md (between {@code <!-- run: NAME -->} and {@code <!-- end: NAME -->}, added at the end the first
 * time), with the date and the machine it ran on.
 */
final class Results {

    private static final StringBuilder kept = new StringBuilder();

    private Results() {
    }

    static void printf(String format, Object... args) {
        String text = String.format(Locale.UK, format, args);
        System.out.print(text);
        kept.append(text);
    }

    static void println(String line) {
        printf("%s%n", line);
    }

    /** Writes what was printed into the document, under the run's name (the benchmark and its arguments). */
    static void writeTo(Path document, String name) throws IOException {
        String start = "<!-- run: " + name + " -->";
        String end = "<!-- end: " + name + " -->";
        String section = start + "\n\nLatest `" + name + "`, " + LocalDate.now() + ", on " + machine() + ":\n\n"
                + markdown(kept.toString()) + "\n\n" + end;
        String text = Files.exists(document) ? Files.readString(document, StandardCharsets.UTF_8) : "";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        text = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n## Latest run: " + name + "\n\n" + section + "\n";
        Files.writeString(document, text, StandardCharsets.UTF_8);
        System.out.println("written to " + document);
    }

    /** Tables stay tables; every other line becomes a list item, with a blank line wherever the two meet. */
    static String markdown(String printed) {
        StringBuilder out = new StringBuilder();
        boolean inTable = false;
        for (String line : printed.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            boolean table = line.startsWith("|");
            if (out.length() > 0 && table != inTable) {
                out.append('\n');
            }
            out.append(table ? line : "- " + line).append('\n');
            inTable = table;
        }
        return out.toString().strip();
    }

    private static String machine() {
        String memory = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            memory = "?";
        }
        String postgres = "?";
        try (Connection connection = TestDatabases.server().connect();
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            postgres = "PostgreSQL " + version.getString(1);
        } catch (Exception e) {
            postgres = "PostgreSQL (version unknown)";
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + ", Java "
                + System.getProperty("java.version") + ", " + postgres + " at " + TestDatabases.server().url();
    }
}
