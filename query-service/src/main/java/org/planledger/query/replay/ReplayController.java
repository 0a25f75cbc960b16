package org.planledger.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@RestController
@Tag(name = "Administration")
public class ReplayController {

    private final Replays replays;

    public ReplayController(Replays replays) {
        this.replays = replays;
    }

    @PostMapping("/api/admin/replay")
    @Operation(summary = "Rebuild every read model from the event store; the query API answers 503 until it is done")
    public ResponseEntity<ReplayStatus> replay() {
        replays.replayAll();
        return ResponseEntity.accepted().location(URI.create("/api/admin/replay")).body(status());
    }

    @GetMapping("/api/admin/replay")
    @Operation(summary = "Whether a replay is running, and how far each unfinished projection has got")
    public ReplayStatus status() {
        Map<String, Replays.Progress> unfinished = replays.unfinished();
        return new ReplayStatus(!unfinished.isEmpty(), unfinished);
    }

    @PostMapping("/api/admin/processors/stop")
    @Operation(summary = "Stop this instance's projection processors, releasing their segments (before a replay "
            + "started on another instance)")
    public ResponseEntity<Void> stop() {
        replays.stopAll();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/processors/start")
    @Operation(summary = "Start this instance's projection processors again")
    public ResponseEntity<Void> start() {
        replays.startAll();
        return ResponseEntity.noContent().build();
    }

    /** {@code unfinished}: per projection, the position its slowest segment has reached and the one it must reach. */
    public record ReplayStatus(boolean replaying, Map<String, Replays.Progress> unfinished) {
    }
}
