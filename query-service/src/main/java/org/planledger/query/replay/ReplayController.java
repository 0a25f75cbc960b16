package org.planledger.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.planledger.query.DeadLetters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
public class ReplayController {

    private final Replays replays;
    private final DeadLetters deadLetters;

    public ReplayController(Replays replays, DeadLetters deadLetters) {
        this.replays = replays;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/admin/replay")
    @ApiResponse(responseCode = "202", description = "The replay has started", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A replay is already being started, or another instance holds "
            + "segments of a projection")
    @Operation(operationId = "startReplay",
            summary = "Rebuild every read model from the event store; the query API answers 503 until it is done")
    public ResponseEntity<ReplayStatus> replay() {
        replays.replayAll();
        return ResponseEntity.accepted().location(URI.create("/api/admin/replay")).body(status());
    }

    @GetMapping("/api/admin/replay")
    @Operation(operationId = "getReplayStatus",
            summary = "Whether a replay is running, how far each unfinished projection has got, and the events "
            + "the projections have parked (a replay goes on past them)")
    public ReplayStatus status() {
        Map<String, Replays.Progress> unfinished = replays.unfinished();
        return new ReplayStatus(!unfinished.isEmpty(), unfinished, deadLetters.all());
    }

    @PostMapping("/api/admin/processors/stop")
    @ApiResponse(responseCode = "204", description = "Stopped")
    @Operation(operationId = "stopProcessors",
            summary = "Stop this instance's projection processors, releasing their segments (before a replay "
            + "started on another instance)")
    public ResponseEntity<Void> stop() {
        replays.stopAll();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/processors/start")
    @ApiResponse(responseCode = "204", description = "Started")
    @Operation(operationId = "startProcessors", summary = "Start this instance's projection processors again")
    public ResponseEntity<Void> start() {
        replays.startAll();
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code unfinished}: per projection, the position its slowest segment has reached and the one it must reach;
     * {@code parked}: the events a projection could not handle (see /api/admin/dead-letters).
     */
    public record ReplayStatus(boolean replaying, Map<String, Replays.Progress> unfinished,
                               List<DeadLetters.Letter> parked) {
    }
}
