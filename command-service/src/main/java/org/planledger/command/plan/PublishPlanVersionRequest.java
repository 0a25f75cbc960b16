package org.planledger.command.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.ActionRef;
import org.planledger.events.Aim;
import org.planledger.events.Identifiers;
import org.planledger.events.Timeframe;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/plans/{planId}/versions}, and the shape of each version in the seed file. */
public record PublishPlanVersionRequest(
        @NotBlank @Pattern(regexp = Identifiers.VERSION) String versionId,
        @NotBlank @Size(max = 300) String title,
        @NotNull LocalDate publishedOn,
        @NotEmpty @Size(max = 26) List<@NotNull @Valid AimRequest> aims,
        @NotEmpty @Size(max = ActionRef.MAX_NUMBER) List<@NotNull @Valid ActionRequest> actions) {

    public record AimRequest(
            @NotBlank @Pattern(regexp = "^[A-Z]$") String code,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 4000) String statement) {
    }

    public record ActionRequest(
            @NotNull @Min(1) @Max(ActionRef.MAX_NUMBER) Integer number,
            @NotBlank @Pattern(regexp = "^[A-Z]$") String aim,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20_000) String description,
            Timeframe timeframe,
            @Pattern(regexp = Identifiers.SLUG) String ownerBodyId,
            @Size(max = 50) List<@NotNull ActionRef> continues) {
    }

    public PublishPlanVersion toCommand(String planId) {
        return new PublishPlanVersion(planId, versionId, title, publishedOn,
                aims.stream().map(aim -> new Aim(aim.code(), aim.title(), aim.statement())).toList(),
                actions.stream().map(action -> new PublishPlanVersion.NewAction(action.number(), action.aim(),
                        action.title(), action.description(), action.timeframe(), action.ownerBodyId(),
                        action.continues() == null ? List.of() : action.continues())).toList());
    }
}
