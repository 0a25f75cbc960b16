package org.planledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.planledger.events.ActionRef;
import org.planledger.events.EventCatalogue;
import org.planledger.events.Identifiers;
import org.planledger.query.Instants;
import org.planledger.query.changes.AuditFilter;
import org.planledger.query.changes.Change;
import org.planledger.query.changes.ChangeLog;
import org.planledger.web.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

@RestController
@Tag(name = "Audit")
public class AuditController {

    private static final String CSV = "text/csv";

    private final ChangeLog changeLog;

    public AuditController(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    @GetMapping(value = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAuditLog", summary = "The audit log, newest first, one page at a time",
            description = "Every event with who made it, when (recorded and effective), why and under which decision. "
                    + "from and to bound the recorded time (a date means the whole day, Europe/London). Pass the "
                    + "answer's nextCursor as cursor for the next page; a cursor stays valid while events are appended. "
                    + "Send Accept: text/csv for the whole filtered log as CSV.")
    public AuditPage page(@RequestParam(required = false) @Size(max = 200) String actor,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) @Size(max = 200) String action,
                          @RequestParam(required = false) @Pattern(regexp = Identifiers.SLUG) String body,
                          @RequestParam(required = false) @Size(max = 100) String type,
                          @RequestParam(required = false) @Size(max = 200) String decision,
                          @RequestParam(required = false) @Pattern(regexp = "^[1-9][0-9]{0,18}$",
                                  message = "must be the nextCursor of an earlier page") String cursor,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        AuditFilter filter = filter(actor, from, to, action, body, type, decision);
        List<Change> entries = changeLog.audit(filter, cursor == null ? null : Long.valueOf(cursor), limit + 1);
        boolean more = entries.size() > limit;
        List<Change> page = more ? entries.subList(0, limit) : entries;
        return new AuditPage(page, more ? Long.toString(page.get(page.size() - 1).position()) : null);
    }

    @GetMapping(value = "/api/audit", produces = CSV)
    @Operation(operationId = "getAuditLog",
            summary = "The whole filtered audit log as CSV, newest first (Accept: text/csv)")
    @ApiResponse(responseCode = "200", description = "The whole filtered log, one row per event (RFC 4180)",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) @Size(max = 200) String actor,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) @Size(max = 200) String action,
                                                     @RequestParam(required = false) @Pattern(regexp = Identifiers.SLUG) String body,
                                                     @RequestParam(required = false) @Size(max = 100) String type,
                                                     @RequestParam(required = false) @Size(max = 200) String decision) {
        // Checked before the first byte goes out, so a bad filter is still a problem+json answer.
        AuditFilter filter = filter(actor, from, to, action, body, type, decision);
        StreamingResponseBody csv = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditCsv.header(writer);
            changeLog.audit(filter, change -> {
                try {
                    AuditCsv.row(writer, change);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-ledger-audit.csv\"")
                .body(csv);
    }

    static AuditFilter filter(String actor, String from, String to, String action, String body, String type,
                                      String decision) {
        if (action != null) {
            try {
                ActionRef.parse(action);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest("action", "must be an action reference such as chronic-pain/2023-11/7");
            }
        }
        if (type != null && EventCatalogue.typeFor(type).isEmpty()) {
            throw new InvalidRequest("type", "must be one of " + EventCatalogue.TYPES.stream()
                    .map(t -> EventCatalogue.typeName(t).orElseThrow()).toList());
        }
        AuditFilter filter = new AuditFilter(actor, Instants.startOf("from", from),
                Instants.endOf("to", to), action, body, type, decision);
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidRequest("from", "must not be after to");
        }
        return filter;
    }

    /** One page; {@code nextCursor} is null on the last. */
    public record AuditPage(List<Change> entries, @Nullable String nextCursor) {
    }
}
