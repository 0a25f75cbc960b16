package org.planledger.command.action;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.command.GovernedCommand;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * Report progress on an action, optionally moving it to a new status.
 *
 * @param expectedVersion the action version the client last saw (If-Match), or null to skip the check
 */
public record RecordProgress(@TargetAggregateIdentifier ActionRef action,
                             @TargetAggregateVersion Long expectedVersion,
                             String summary, ActionStatus status, List<String> evidence,
                             LocalDate effectiveOn, String decisionId) implements GovernedCommand {

    public RecordProgress {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
