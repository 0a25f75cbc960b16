package org.planledger.command.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.ActionRef;

/**
 * The body of {@code POST …/actions/{n}/ownership}. A missing decisionId is not a malformed request but a missing
 * mandate, which the action itself refuses with 422.
 */
public record OwnershipRequest(
        @NotBlank @Pattern(regexp = ActionRef.PLAN_ID_PATTERN) String ownerBodyId,
        @NotBlank @Size(max = 2_000) String reason,
        @Pattern(regexp = ActionController.DECISION_ID_PATTERN) String decisionId) {
}
