package org.planledger.command.body;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.planledger.command.body.BodyCommands.AddMember;
import org.planledger.command.body.BodyCommands.AppointChair;
import org.planledger.command.body.BodyCommands.BodyCommand;
import org.planledger.command.body.BodyCommands.ChangeBodyDetails;
import org.planledger.command.body.BodyCommands.CoOptChair;
import org.planledger.command.body.BodyCommands.DisbandBody;
import org.planledger.command.body.BodyCommands.RemoveMember;
import org.planledger.command.web.CommandSender;
import org.planledger.command.web.Recorded;
import org.planledger.events.Identifiers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Commands on governance bodies. */
@RestController
@RequestMapping(value = "/api/bodies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Governance bodies")
@ApiResponse(responseCode = "409", description = CommandSender.CONFLICT)
@ApiResponse(responseCode = "422", description = CommandSender.REFUSED)
public class BodyController {

    private final CommandSender commands;

    public BodyController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "establishBody", summary = "Establish a governance body")
    public Recorded establish(@Valid @RequestBody BodyRequests.Establish request) {
        return send(request.toCommand());
    }

    @PostMapping(value = "/{bodyId}/details", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "changeBodyDetails", summary = "Rename a body or change its remit")
    public Recorded changeDetails(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                                  @Valid @RequestBody BodyRequests.Details request) {
        return send(new ChangeBodyDetails(bodyId, request.name(), request.remit(), request.reason(), request.effectiveOn()));
    }

    @PostMapping(value = "/{bodyId}/chair", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "appointChair", summary = "Appoint a body's chair, replacing any current one")
    public Recorded appointChair(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                                 @Valid @RequestBody BodyRequests.Appointment request) {
        return send(new AppointChair(bodyId, request.person().toPerson(), request.reason(), request.effectiveOn()));
    }

    @PostMapping(value = "/{bodyId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addMember", summary = "Add a member to a body")
    public Recorded addMember(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                              @Valid @RequestBody BodyRequests.Appointment request) {
        return send(new AddMember(bodyId, request.person().toPerson(), request.reason(), request.effectiveOn()));
    }

    @PostMapping(value = "/{bodyId}/members/{personId}/removal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "removeMember", summary = "Remove a member from a body")
    public Recorded removeMember(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                                 @PathVariable @Pattern(regexp = Identifiers.PERSON) String personId,
                                 @Valid @RequestBody BodyRequests.Removal request) {
        return send(new RemoveMember(bodyId, personId, request.reason(), request.effectiveOn()));
    }

    @PostMapping(value = "/{bodyId}/co-options", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "coOptChair", summary = "Co-opt the chair of another body onto the Task Force")
    public Recorded coOptChair(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                               @Valid @RequestBody BodyRequests.CoOption request) {
        return send(new CoOptChair(bodyId, request.chairOf(), request.reason(), request.effectiveOn()));
    }

    @PostMapping(value = "/{bodyId}/disbandment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "disbandBody", summary = "Disband a body")
    public Recorded disband(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                            @Valid @RequestBody BodyRequests.Disbandment request) {
        return send(new DisbandBody(bodyId, request.disbandedOn(), request.reason(), request.decisionId()));
    }

    private Recorded send(BodyCommand command) {
        CommandSender.Sent<Long> sent = commands.send(command, Long.class);
        return new Recorded(command.bodyId(), sent.result(), sent.commandId());
    }
}
