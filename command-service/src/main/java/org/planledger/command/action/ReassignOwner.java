package org.planledger.command.action;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.command.GovernedCommand;
import org.planledger.events.ActionRef;

import java.time.LocalDate;

/** Hand an action to another governance body, citing the decision that authorised it. */
public record ReassignOwner(@TargetAggregateIdentifier ActionRef action,
                            @TargetAggregateVersion Long expectedVersion,
                            String ownerBodyId, String reason, String decisionId, LocalDate effectiveOn)
        implements GovernedCommand {
}
