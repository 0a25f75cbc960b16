package org.planledger.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.planledger.command.AlreadyExists;
import org.planledger.command.GovernanceRecords;
import org.planledger.command.RuleViolation;
import org.planledger.command.action.Action;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.PlanVersionPublished;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A published version of a plan: its title, publication date and aims. Publishing it also creates each of its
 * actions (aggregates of their own) and carries forward the earlier actions they continue, in the same unit of
 * work, so the event store holds all of it or none.
 */
@Aggregate
public class PlanVersion {

    @AggregateIdentifier
    private String id;

    protected PlanVersion() {
        // for Axon, which creates an empty version before publishing and rebuilds it from its events
    }

    /**
     * Loads the version if it exists, so that a second publication is refused by name. The version's own event is
     * applied first, then its actions, then the earlier actions they continue; the store keeps that order.
     * An action that continues earlier work starts in progress.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(PublishPlanVersion command, GovernanceRecords records, ActionLineage lineage) throws Exception {
        if (id != null) {
            throw new AlreadyExists("plan version " + id + " has already been published");
        }
        checkAimsAndActions(command);
        checkOwners(command, records);
        apply(new PlanVersionPublished(command.planId(), command.versionId(), command.title(), command.publishedOn(),
                command.aims()));
        // Earlier actions are loaded, and so locked, in one fixed order: two publications cannot deadlock.
        Map<ActionRef, List<ActionRef>> laterByEarlier = new TreeMap<>(Comparator.comparing(ActionRef::toString));
        for (PublishPlanVersion.NewAction action : command.actions()) {
            ActionRef ref = new ActionRef(command.planId(), command.versionId(), action.number());
            ActionPublished published = new ActionPublished(ref, action.aim(), action.title(), action.description(),
                    action.timeframe(), action.ownerBodyId(),
                    action.continues().isEmpty() ? ActionStatus.NOT_STARTED : ActionStatus.IN_PROGRESS,
                    action.continues());
            createNew(Action.class, () -> new Action(published));
            action.continues().forEach(earlier ->
                    laterByEarlier.computeIfAbsent(earlier, key -> new ArrayList<>()).add(ref));
        }
        lineage.carryForward(laterByEarlier);
        return id;
    }

    private static void checkAimsAndActions(PublishPlanVersion command) {
        if (command.actions().isEmpty()) {
            throw new RuleViolation("a plan version must have at least one action");
        }
        Set<String> aimCodes = new HashSet<>();
        for (Aim aim : command.aims()) {
            if (!aimCodes.add(aim.code())) {
                throw new RuleViolation("aim " + aim.code() + " appears more than once");
            }
        }
        Set<Integer> numbers = new HashSet<>();
        for (PublishPlanVersion.NewAction action : command.actions()) {
            if (!numbers.add(action.number())) {
                throw new RuleViolation("action number " + action.number() + " appears more than once");
            }
            if (!aimCodes.contains(action.aim())) {
                throw new RuleViolation("action " + action.number() + " names aim " + action.aim()
                        + ", which this version does not have");
            }
            for (ActionRef earlier : action.continues()) {
                if (!earlier.isInAnotherVersionOf(command.planId(), command.versionId())) {
                    throw new RuleViolation("action " + action.number() + " continues " + earlier
                            + ", which is not an action of an earlier version of plan " + command.planId());
                }
            }
        }
    }

    private static void checkOwners(PublishPlanVersion command, GovernanceRecords records) {
        for (PublishPlanVersion.NewAction action : command.actions()) {
            if (action.ownerBodyId() == null) {
                continue;
            }
            GovernanceRecords.BodyFacts owner = records.body(action.ownerBodyId()).orElseThrow(() -> new RuleViolation(
                    "action " + action.number() + " is owned by " + action.ownerBodyId() + ", which is not an established body"));
            if (owner.disbanded()) {
                throw new RuleViolation("action " + action.number() + " is owned by " + action.ownerBodyId()
                        + ", which has been disbanded");
            }
        }
    }

    @EventSourcingHandler
    void on(PlanVersionPublished event) {
        id = event.subject();
    }
}
