package org.planledger.command.plan;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.planledger.command.RuleViolation;
import org.planledger.command.action.Action;
import org.planledger.events.ActionRef;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** {@link ActionLineage} that loads each earlier action into the publication's unit of work and changes it there. */
@Component
public class RepositoryLineage implements ActionLineage {

    private final Repository<Action> actions;

    public RepositoryLineage(Repository<Action> actions) {
        this.actions = actions;
    }

    @Override
    public void carryForward(Map<ActionRef, List<ActionRef>> laterByEarlier) {
        laterByEarlier.forEach((earlier, later) -> {
            Aggregate<Action> action;
            try {
                action = actions.load(earlier.toString());
            } catch (AggregateNotFoundException e) {
                throw new RuleViolation(later + " continues " + earlier + ", which does not exist");
            }
            action.execute(found -> found.continueIn(later));
        });
    }
}
