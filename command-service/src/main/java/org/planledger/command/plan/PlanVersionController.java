package org.planledger.command.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.planledger.command.web.CommandSender;
import org.planledger.events.ActionRef;
import org.planledger.events.Identifiers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Plans")
@ApiResponse(responseCode = "409", description = CommandSender.CONFLICT)
@ApiResponse(responseCode = "422", description = CommandSender.REFUSED)
public class PlanVersionController {

    private final CommandSender commands;

    public PlanVersionController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(value = "/api/plans/{planId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "publishPlanVersion",
            summary = "Publish a plan version with all its aims and actions (all or nothing)")
    public Published publish(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                             @Valid @RequestBody PublishPlanVersionRequest request) {
        PublishPlanVersion command = request.toCommand(planId);
        CommandSender.Sent<String> sent = commands.send(command, String.class);
        return new Published(command.planVersionId(), command.actions().size(), sent.commandId());
    }

    /** What a successful publication answers. */
    public record Published(String planVersion, int actions, String commandId) {
    }
}
