package org.planledger.query.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.eventstore.EventChain;
import org.planledger.web.InvalidRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrity")
public class IntegrityController {

    private final EventChain chain;

    public IntegrityController(EventChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/integrity")
    @Operation(operationId = "verifyIntegrity",
            summary = "Recompute the event log's hash chain from the stored rows: valid, or the first position "
            + "where a row and the chain disagree",
            description = "Give checkpointPosition and checkpointHash (from an earlier /api/integrity/checkpoint) to "
                    + "learn whether the log up to that point is still what it was: checkpointMatches.")
    public EventChain.Verification verify(
            @RequestParam(required = false) @Min(1) Long checkpointPosition,
            @RequestParam(required = false) @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 hex digits")
            String checkpointHash) {
        if ((checkpointPosition == null) != (checkpointHash == null)) {
            throw new InvalidRequest(checkpointPosition == null ? "checkpointPosition" : "checkpointHash",
                    "give checkpointPosition and checkpointHash together");
        }
        return chain.verify(checkpointPosition == null ? null : new EventChain.Link(checkpointPosition, checkpointHash));
    }

    @GetMapping("/api/integrity/checkpoint")
    @Operation(operationId = "getIntegrityCheckpoint",
            summary = "The head of the hash chain (position and hash): keep it to prove later that the log was "
            + "only appended to")
    public EventChain.Link checkpoint() {
        return chain.head();
    }
}
