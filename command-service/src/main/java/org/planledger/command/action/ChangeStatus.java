package org.planledger.command.action;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.command.GovernedCommand;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * Move an action to another status. Carrying it forward names the later actions that continue its work
 * ({@code into}); closing it, carrying it forward and reopening an ended action need a decision.
 */
public record ChangeStatus(@TargetAggregateIdentifier ActionRef action,
                           @TargetAggregateVersion Long expectedVersion,
                           ActionStatus status, List<ActionRef> into, String reason, String decisionId,
                           LocalDate effectiveOn) implements GovernedCommand {

    public ChangeStatus {
        into = into == null ? List.of() : List.copyOf(into);
    }
}
