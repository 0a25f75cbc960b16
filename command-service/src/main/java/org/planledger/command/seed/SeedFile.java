package org.planledger.command.seed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.planledger.command.plan.PublishPlanVersionRequest;
import org.planledger.events.Identifiers;
import org.planledger.events.ActionRef;

import java.util.List;

/** A plan as the seed file gives it: its versions, oldest first, each exactly as the publish endpoint takes it. */
record SeedFile(@NotBlank @Pattern(regexp = Identifiers.SLUG) String planId,
                @NotEmpty List<@Valid PublishPlanVersionRequest> versions) {
}
