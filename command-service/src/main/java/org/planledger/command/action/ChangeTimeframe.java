package org.planledger.command.action;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.command.GovernedCommand;
import org.planledger.events.ActionRef;
import org.planledger.events.Timeframe;

import java.time.LocalDate;

/** Move an action to another delivery timeframe, under the decision that authorised it. */
public record ChangeTimeframe(@TargetAggregateIdentifier ActionRef action,
                              @TargetAggregateVersion Long expectedVersion,
                              Timeframe timeframe, String reason, String decisionId, LocalDate effectiveOn)
        implements GovernedCommand {
}
