package org.planledger.query.audit;

import org.planledger.events.EventCatalogue;
import org.planledger.query.changes.AuditFilter;
import org.planledger.query.changes.Change;
import org.planledger.query.changes.ChangeLog;
import org.planledger.query.site.PageController;
import org.planledger.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Map;

import static org.planledger.query.site.Forms.text;

/** The audit log for auditors: filters, 50 entries a page newest first, and the filtered log as CSV. */
@PageController
public class AuditPages {

    private static final int PAGE = 50;

    private final ChangeLog changeLog;
    private final AuditController api;

    public AuditPages(ChangeLog changeLog, AuditController api) {
        this.changeLog = changeLog;
        this.api = api;
    }

    @GetMapping("/audit")
    String audit(@RequestParam Map<String, String> query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("types", EventCatalogue.TYPES.stream().map(t -> EventCatalogue.typeName(t).orElseThrow()).sorted().toList());
        AuditFilter filter;
        try {
            filter = AuditController.filter(text(query, "actor"), text(query, "from"), text(query, "to"),
                    text(query, "action"), null, text(query, "type"), text(query, "decision"));
        } catch (InvalidRequest e) {
            model.addAttribute("errors", Map.of(e.field(), e.field() + " " + e.getMessage()));
            return "audit";
        }
        String cursor = text(query, "cursor");
        Long before = cursor != null && cursor.matches("[1-9][0-9]{0,18}") ? Long.valueOf(cursor) : null;
        List<Change> entries = changeLog.audit(filter, before, PAGE + 1);
        boolean more = entries.size() > PAGE;
        List<Change> page = more ? entries.subList(0, PAGE) : entries;
        model.addAttribute("entries", page);
        model.addAttribute("nextCursor", more ? page.get(page.size() - 1).position() : null);
        return "audit";
    }

    /** The same CSV as {@code GET /api/audit} with {@code Accept: text/csv}, at an address a link can name. */
    @GetMapping("/audit.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> query) {
        return api.csv(text(query, "actor"), text(query, "from"), text(query, "to"), text(query, "action"), null,
                text(query, "type"), text(query, "decision"));
    }
}
