package org.planledger.command.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.planledger.command.meeting.MeetingCommands.AmendMinutes;
import org.planledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.planledger.command.meeting.MeetingCommands.DraftMinutes;
import org.planledger.command.meeting.MeetingCommands.MeetingCommand;
import org.planledger.command.meeting.MeetingCommands.PublishMinutes;
import org.planledger.command.meeting.MeetingCommands.RecordAttendance;
import org.planledger.command.meeting.MeetingCommands.RecordDecision;
import org.planledger.command.meeting.MeetingCommands.ScheduleMeeting;
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

/** Commands on meetings, their minutes and the decisions taken at them. */
@RestController
@RequestMapping(value = "/api/meetings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meetings and decisions")
@ApiResponse(responseCode = "409", description = CommandSender.CONFLICT)
@ApiResponse(responseCode = "422", description = CommandSender.REFUSED)
public class MeetingController {

    private final CommandSender commands;

    public MeetingController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "scheduleMeeting", summary = "Schedule (or record) a meeting of a body")
    public Recorded schedule(@Valid @RequestBody MeetingRequests.Schedule request) {
        return send(new ScheduleMeeting(request.meetingId(), request.bodyId(), request.heldOn(), request.title()));
    }

    @PostMapping(value = "/{meetingId}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordAttendance", summary = "Record who attended a held meeting and who sent apologies")
    public Recorded attendance(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                               @Valid @RequestBody MeetingRequests.Attendance request) {
        return send(new RecordAttendance(meetingId, request.presentPeople(), request.apologiesPeople()));
    }

    @PostMapping(value = "/{meetingId}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordDecision",
            summary = "Record a decision taken at a held meeting, with the actions it concerns")
    public Recorded decision(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                             @Valid @RequestBody MeetingRequests.Decision request) {
        CommandSender.Sent<Long> sent = commands.send(
                new RecordDecision(meetingId, request.decisionId(), request.text(), request.actions()), Long.class);
        return new Recorded(request.decisionId(), sent.result(), sent.commandId());
    }

    @PostMapping(value = "/{meetingId}/minutes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "draftMinutes", summary = "Draft (or redraft) a held meeting's minutes")
    public Recorded draftMinutes(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                                 @Valid @RequestBody MeetingRequests.Minutes request) {
        return send(new DraftMinutes(meetingId, request.minuteItems()));
    }

    @PostMapping(value = "/{meetingId}/minutes/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "approveMinutes", summary = "Approve drafted minutes at a later meeting of the same body")
    public Recorded approveMinutes(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                                   @Valid @RequestBody MeetingRequests.Approval request) {
        return send(new ApproveMinutes(meetingId, request.approvedAt()));
    }

    @PostMapping("/{meetingId}/minutes/publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "publishMinutes", summary = "Publish approved minutes")
    public Recorded publishMinutes(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId) {
        return send(new PublishMinutes(meetingId));
    }

    @PostMapping(value = "/{meetingId}/minutes/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "amendMinutes",
            summary = "Amend approved minutes, with a reason; the approved text stays on record")
    public Recorded amendMinutes(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                                 @Valid @RequestBody MeetingRequests.Amendment request) {
        return send(new AmendMinutes(meetingId, request.minuteItems(), request.reason()));
    }

    private Recorded send(MeetingCommand command) {
        CommandSender.Sent<Long> sent = commands.send(command, Long.class);
        return new Recorded(command.meetingId(), sent.result(), sent.commandId());
    }
}
