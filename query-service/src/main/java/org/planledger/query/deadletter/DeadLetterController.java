package org.planledger.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.planledger.query.DeadLetters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** The projections' parked events, for the secretariat to retry or evict (docs/api.md, "Dead letters"). */
@RestController
@RequestMapping(value = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
public class DeadLetterController {

    /** Axon names dead letters by random UUIDs. */
    private static final String LETTER_ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters",
            summary = "Every event a projection has parked, and every one evicted since")
    public Parked list() {
        return new Parked(deadLetters.all(), deadLetters.evictions());
    }

    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryDeadLetter",
            summary = "Handle the parked events of this one's sequence again, oldest first; answers what is still "
            + "parked in that sequence (empty when all went through)")
    public Retried retry(@PathVariable @Pattern(regexp = LETTER_ID) String id) {
        return new Retried(deadLetters.retry(id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "evictDeadLetter",
            summary = "Drop one parked event from its projection for good (the later events of its sequence can "
            + "then be retried); the eviction is recorded")
    public DeadLetters.Eviction evict(@PathVariable @Pattern(regexp = LETTER_ID) String id, Principal principal) {
        return deadLetters.evict(id, principal.getName());
    }

    /** What is parked now, and what has been evicted. */
    @Schema(name = "DeadLetters")
    public record Parked(List<DeadLetters.Letter> deadLetters, List<DeadLetters.Eviction> evicted) {
    }

    /** What is still parked in the sequence after a retry. */
    @Schema(name = "RetriedDeadLetters")
    public record Retried(List<DeadLetters.Letter> stillParked) {
    }
}
