package org.planledger.command.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.Identifiers;
import org.planledger.events.ActionStatus;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST …/actions/{n}/progress}. */
public record ProgressRequest(
        @NotBlank @Size(max = 10_000) String summary,
        ActionStatus status,
        @PastOrPresent LocalDate effectiveOn,
        @Size(max = 20) List<@NotNull @NotBlank @Size(max = 2_000) String> evidence,
        @Pattern(regexp = Identifiers.DECISION) String decisionId) {
}
