package org.planledger.command.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.Identifiers;
import org.planledger.events.Timeframe;

import java.time.LocalDate;

/** The body of {@code POST …/actions/{n}/timeframe}; the decision is required by the action's rules (422). */
public record TimeframeRequest(
        @NotNull Timeframe timeframe,
        @NotBlank @Size(max = 2_000) String reason,
        @Pattern(regexp = Identifiers.DECISION) String decisionId,
        @PastOrPresent LocalDate effectiveOn) {
}
