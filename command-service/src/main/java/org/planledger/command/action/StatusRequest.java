package org.planledger.command.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Identifiers;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST …/actions/{n}/status}. {@code into} names the later actions when carrying forward.
 * Whether a decision is needed depends on the change (closing, carrying forward, reopening: yes).
 */
public record StatusRequest(
        @NotNull ActionStatus status,
        @NotBlank @Size(max = 2_000) String reason,
        @Pattern(regexp = Identifiers.DECISION) String decisionId,
        @Size(max = 50) List<@NotNull ActionRef> into,
        @PastOrPresent LocalDate effectiveOn) {
}
