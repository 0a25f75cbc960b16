package org.planledger.command.action;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.command.web.CommandSender;
import org.planledger.events.ActionRef;
import org.planledger.events.Identifiers;
import org.planledger.web.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Function;

/** Commands on one action. Each answers with the action's new version as an ETag, for the next If-Match. */
@RestController
@RequestMapping(value = "/api/plans/{planId}/versions/{versionId}/actions/{number}",
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Actions")
@ApiResponse(responseCode = "409", description = CommandSender.CONFLICT)
@ApiResponse(responseCode = "422", description = CommandSender.REFUSED)
public class ActionController {

    private final CommandSender commands;

    public ActionController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(value = "/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordProgress", summary = "Record progress on an action, optionally changing its status")
    public ResponseEntity<Changed> recordProgress(
            @PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
            @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
            @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
            @Parameter(description = "the action version last seen, from its ETag")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ProgressRequest request) {
        ActionRef action = new ActionRef(planId, versionId, number);
        return send(action, ifMatch, expected -> new RecordProgress(action, expected, request.summary(),
                request.status(), request.evidence(), request.effectiveOn(), request.decisionId()));
    }

    @PostMapping(value = "/ownership", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "reassignOwner",
            summary = "Reassign an action to another governance body under a minuted decision")
    public ResponseEntity<Changed> reassignOwner(
            @PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
            @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
            @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
            @Parameter(description = "the action version last seen, from its ETag")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OwnershipRequest request) {
        ActionRef action = new ActionRef(planId, versionId, number);
        return send(action, ifMatch, expected -> new ReassignOwner(action, expected, request.ownerBodyId(),
                request.reason(), request.decisionId(), request.effectiveOn()));
    }

    @PostMapping(value = "/timeframe", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "changeTimeframe",
            summary = "Move an action to another timeframe under a minuted decision")
    public ResponseEntity<Changed> changeTimeframe(
            @PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
            @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
            @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
            @Parameter(description = "the action version last seen, from its ETag")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TimeframeRequest request) {
        ActionRef action = new ActionRef(planId, versionId, number);
        return send(action, ifMatch, expected -> new ChangeTimeframe(action, expected, request.timeframe(),
                request.reason(), request.decisionId(), request.effectiveOn()));
    }

    @PostMapping(value = "/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "changeActionStatus",
            summary = "Change an action's status: complete, close, carry forward (into later actions) or reopen it")
    public ResponseEntity<Changed> changeStatus(
            @PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
            @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
            @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
            @Parameter(description = "the action version last seen, from its ETag")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StatusRequest request) {
        ActionRef action = new ActionRef(planId, versionId, number);
        return send(action, ifMatch, expected -> new ChangeStatus(action, expected, request.status(), request.into(),
                request.reason(), request.decisionId(), request.effectiveOn()));
    }

    private ResponseEntity<Changed> send(ActionRef action, String ifMatch, Function<Long, Object> command) {
        CommandSender.Sent<Long> sent = commands.send(command.apply(expectedVersion(ifMatch)), Long.class);
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(Long.toString(sent.result()))
                .body(new Changed(action.toString(), sent.result(), sent.commandId()));
    }

    /** If-Match carries the version from an earlier ETag: {@code "7"}, {@code W/"7"} or 7; {@code *} means any. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("If-Match", "'" + ifMatch + "' is not an action version from an ETag");
        }
    }

    /** What a change to an action answers: the action, its version now, and the id of the command. */
    public record Changed(String action, long version, String commandId) {
    }
}
