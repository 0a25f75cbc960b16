package org.planledger.command.action;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.planledger.command.RuleViolation;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.ProgressRecorded;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One action of one plan version: who owns it and where it stands. Created by {@code PlanVersion} when the version
 * is published; its identifier is its reference, e.g. {@code chronic-pain/2023-11/7}.
 * <p>
 * Command handlers return the action's version after the change, which clients send back as If-Match.
 */
@Aggregate
public class Action {

    /** Statuses a progress update may set. The others end an action and need a decision (see docs/domain.md). */
    static final Set<ActionStatus> PROGRESS_STATUSES =
            EnumSet.of(ActionStatus.IN_PROGRESS, ActionStatus.AT_RISK, ActionStatus.COMPLETED);

    @AggregateIdentifier
    private ActionRef id;
    private String owner;
    private ActionStatus status;

    protected Action() {
        // for Axon, which rebuilds the aggregate from its events
    }

    /** Called by PlanVersion while it is being published, in the same unit of work. */
    public Action(ActionPublished published) {
        apply(published);
    }

    @CommandHandler
    public long handle(RecordProgress command) {
        if (status.isEnded()) {
            throw new RuleViolation("action " + id + " is " + status + "; an ended action takes no further progress");
        }
        if (command.status() != null && !PROGRESS_STATUSES.contains(command.status())) {
            throw new RuleViolation("a progress update may set the status to " + PROGRESS_STATUSES
                    + ", not " + command.status());
        }
        apply(new ProgressRecorded(id, command.summary(), command.evidence()));
        if (command.status() != null && command.status() != status) {
            apply(new ActionStatusChanged(id, status, command.status()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReassignOwner command) {
        if (command.decisionId() == null || command.decisionId().isBlank()) {
            throw new RuleViolation("reassigning the owner of " + id
                    + " needs a mandate: cite the decision that authorised it as decisionId");
        }
        if (Objects.equals(owner, command.ownerBodyId())) {
            throw new RuleViolation("action " + id + " is already owned by " + owner);
        }
        if (status.isEnded()) {
            throw new RuleViolation("action " + id + " is " + status + "; an ended action cannot change owner");
        }
        apply(new OwnerReassigned(id, owner, command.ownerBodyId()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ActionPublished event) {
        id = event.action();
        owner = event.ownerBodyId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(ActionStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(OwnerReassigned event) {
        owner = event.to();
    }
}
