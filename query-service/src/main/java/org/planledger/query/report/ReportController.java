package org.planledger.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.EventMetadata;
import org.planledger.events.Identifiers;
import org.planledger.web.Dates;
import org.planledger.web.InvalidRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Reports")
public class ReportController {

    /** The header naming the event position a report was built from. */
    public static final String POSITION = "Ledger-Position";

    private final ProgressReports reports;
    private final ReportFormats formats;
    private final Clock clock;

    public ReportController(ProgressReports reports, ReportFormats formats, Clock clock) {
        this.reports = reports;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/api/plans/{planId}/report")
    @Operation(operationId = "getProgressReport",
            summary = "A progress report in the shape of the published one: per aim, each action with its latest "
            + "progress as of a date (html, md or pdf)",
            description = "asOf is a date (default today, Europe/London). The report names the event position it was "
                    + "built from (also in the Ledger-Position header); pass it as position to build the same report "
                    + "again, byte for byte, however much has been recorded since.")
    @ApiResponse(responseCode = "200", description = "The report, in the format asked for", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))},
            headers = @Header(name = POSITION, description = "the event position the report was built from",
                    schema = @Schema(type = "integer", format = "int64")))
    public ResponseEntity<byte[]> report(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                                         @RequestParam(required = false) String asOf,
                                         @RequestParam(defaultValue = "html") @Pattern(regexp = "^(html|md|pdf)$",
                                                 message = "must be html, md or pdf") String format,
                                         @RequestParam(required = false) @Min(0) Long position,
                                         @Parameter(hidden = true) @RequestHeader HttpHeaders headers)
            throws HttpMediaTypeNotAcceptableException {
        MediaType type = switch (format) {
            case "md" -> new MediaType("text", "markdown", StandardCharsets.UTF_8);
            case "pdf" -> MediaType.APPLICATION_PDF;
            default -> new MediaType("text", "html", StandardCharsets.UTF_8);
        };
        // The type is the format's, not negotiated, so an Accept it does not meet is refused here (406).
        if (!headers.getAccept().isEmpty() && headers.getAccept().stream().noneMatch(type::isCompatibleWith)) {
            throw new HttpMediaTypeNotAcceptableException(List.of(type));
        }
        LocalDate date = date(asOf);
        long latest = reports.latestPosition();
        if (position != null && position > latest) {
            throw new InvalidRequest("position", "the read models have reached position " + latest
                    + "; a report from a later position cannot be built yet");
        }
        ProgressReport report = reports.build(planId, date, position == null ? latest : position);
        String name = "progress-report-" + planId + "-" + date + "-" + report.position() + "." + format;
        byte[] body = switch (format) {
            case "md" -> formats.markdown(report);
            case "pdf" -> formats.pdf(report);
            default -> formats.html(report);
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (format.equals("html")) {
            // Its own policy, in place of the site's: the report carries its style inline so it is whole when saved.
            answer.header("Content-Security-Policy", ReportFormats.CONTENT_SECURITY_POLICY);
        }
        return answer
                .contentType(type)
                .header(POSITION, Long.toString(report.position()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (format.equals("html")
                        ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(name).build().toString())
                .body(body);
    }

    private LocalDate date(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock.withZone(EventMetadata.ZONE));
        }
        return Dates.parse(asOf).orElseThrow(() -> new InvalidRequest("asOf", "must be " + Dates.EXPECTED));
    }
}
