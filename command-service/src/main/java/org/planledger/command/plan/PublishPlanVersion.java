package org.planledger.command.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.planledger.command.GovernedCommand;
import org.planledger.events.ActionRef;
import org.planledger.events.Aim;
import org.planledger.events.Timeframe;

import java.time.LocalDate;
import java.util.List;

/**
 * Publish a version of a plan with all its aims and actions, at once or not at all.
 * A version takes effect on the day it was published, whenever it is recorded.
 */
public record PublishPlanVersion(String planId, String versionId, String title, LocalDate publishedOn,
                                 List<Aim> aims, List<NewAction> actions) implements GovernedCommand {

    public PublishPlanVersion {
        aims = List.copyOf(aims);
        actions = List.copyOf(actions);
    }

    /** The version's aggregate identifier, {@code {planId}/{versionId}}. */
    @TargetAggregateIdentifier
    public String planVersionId() {
        return planId + "/" + versionId;
    }

    @Override
    public LocalDate effectiveOn() {
        return publishedOn;
    }

    /** An action as it appears in the published version. */
    public record NewAction(int number, String aim, String title, String description, Timeframe timeframe,
                            String ownerBodyId, List<ActionRef> continues) {

        public NewAction {
            continues = List.copyOf(continues);
        }
    }
}
