package org.planledger.command.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.Identifiers;

import java.time.LocalDate;

/**
 * The body of {@code POST …/actions/{n}/ownership}. A missing decisionId is not a malformed request but a missing
 * mandate, which the action itself refuses with 422.
 */
public record OwnershipRequest(
        @NotBlank @Pattern(regexp = Identifiers.SLUG) String ownerBodyId,
        @NotBlank @Size(max = 2_000) String reason,
        @Pattern(regexp = Identifiers.DECISION) String decisionId,
        @PastOrPresent LocalDate effectiveOn) {
}
