package org.planledger.command.seed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.command.body.BodyRequests;
import org.planledger.command.plan.PublishPlanVersionRequest;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Identifiers;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as the seed file gives it: the bodies it names, its versions (oldest first, each exactly as the publish
 * endpoint takes it), and the progress the sources report on their actions.
 */
record SeedFile(@NotBlank @Pattern(regexp = Identifiers.SLUG) String planId,
                @NotNull List<BodyRequests.@Valid Establish> bodies,
                @NotEmpty List<@Valid PublishPlanVersionRequest> versions,
                @NotNull List<@Valid Progress> progress) {

    /** A dated progress statement about one action, as {@code POST …/progress} would take it. */
    record Progress(@NotNull ActionRef action,
                    @NotNull LocalDate effectiveOn,
                    ActionStatus status,
                    @NotBlank @Size(max = 10_000) String summary,
                    List<@NotBlank String> evidence) {
    }
}
