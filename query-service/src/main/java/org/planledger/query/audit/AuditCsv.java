package org.planledger.query.audit;

import org.planledger.query.changes.Change;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The audit log as CSV (RFC 4180). Text is written as recorded, with one exception: a cell that a spreadsheet would
 * take for a formula (it starts with =, +, -, @, tab or carriage return) gets a leading apostrophe, so opening the
 * export cannot run anything someone typed into a reason.
 */
final class AuditCsv {

    private static final String[] COLUMNS = {"position", "type", "subject", "sequence", "actor", "recordedAt",
            "effectiveOn", "reason", "decisionId", "correlationId", "commandId", "before", "after"};

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
    }

    static void row(Writer out, Change change) throws IOException {
        Object[] cells = {change.position(), change.type(), change.subject(), change.sequence(), change.actor(),
                change.recordedAt(), change.effectiveOn(), change.reason(), change.decisionId(), change.correlationId(),
                change.commandId(), change.before(), change.after()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i] == null ? "" : Objects.toString(cells[i])));
        }
        out.write("\r\n");
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
