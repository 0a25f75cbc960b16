package org.planledger.command.action;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.planledger.command.GovernanceRecords;
import org.planledger.command.Mandate;
import org.planledger.command.RuleViolation;
import org.planledger.command.metadata.CommandMetadata;
import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.events.TimeframeChanged;
import org.planledger.web.NotPermitted;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One action of one plan version: who owns it, when it is due and where it stands. Created when its version is
 * published; its identifier is its reference, e.g. {@code chronic-pain/2023-11/7}.
 * <p>
 * Command handlers return the action's version after the change, which clients send back as If-Match. Rules that
 * depend on other records (a decision, a body) ask {@link GovernanceRecords}.
 * <p>
 * An action that has received many updates is loaded from a snapshot of these four fields (every 100 events, see
 * ActionSnapshots) rather than from all its events; the snapshot's revision changes whenever the fields do. Actions
 * loaded recently are kept in memory (ActionSnapshots too), so a command on one usually reads nothing.
 */
@Aggregate(snapshotTriggerDefinition = "actionSnapshotTrigger", snapshotFilter = "actionSnapshotFilter", cache = "actionCache")
@Revision(Action.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Action {

    /** The shape of this class's snapshots: change it whenever the fields below change (see ActionSnapshots). */
    static final String SNAPSHOT_REVISION = "1";

    /** Statuses a progress update may set. The others end an action differently or undo work (see docs/domain.md). */
    static final Set<ActionStatus> PROGRESS_STATUSES =
            EnumSet.of(ActionStatus.IN_PROGRESS, ActionStatus.AT_RISK, ActionStatus.COMPLETED);

    @AggregateIdentifier
    private ActionRef id;
    private String owner;
    private Timeframe timeframe;
    private ActionStatus status;

    protected Action() {
        // for Axon, which rebuilds the aggregate from its events
    }

    /** Called by PlanVersion while it is being published, in the same unit of work. */
    public Action(ActionPublished published) {
        apply(published);
    }

    @CommandHandler
    public long handle(RecordProgress command, GovernanceRecords records,
                       @MetaDataValue(CommandMetadata.ACTING_FOR) String actingFor) {
        if (actingFor != null && !actingFor.equals(owner)) {
            // A chair speaks for its body's actions only, and only while the body owns them.
            throw new NotPermitted("the chair of " + actingFor + " may record progress only on actions " + actingFor
                    + " owns; " + id + " is owned by " + (owner == null ? "no body" : owner));
        }
        refuseIfEnded("takes no further progress");
        if (command.status() != null && !PROGRESS_STATUSES.contains(command.status())) {
            throw new RuleViolation("a progress update may set the status to " + PROGRESS_STATUSES
                    + ", not " + command.status() + "; use the status endpoint with a reason");
        }
        Mandate.checkIfCited(records, command.decisionId(), id);
        apply(new ProgressRecorded(id, command.summary(), command.evidence()));
        if (command.status() != null && command.status() != status) {
            apply(new ActionStatusChanged(id, status, command.status()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReassignOwner command, GovernanceRecords records) {
        Mandate.require(records, command.decisionId(), id, "reassigning the owner of");
        refuseIfEnded("cannot change owner");
        if (Objects.equals(owner, command.ownerBodyId())) {
            throw new RuleViolation("action " + id + " is already owned by " + owner);
        }
        GovernanceRecords.BodyFacts body = records.body(command.ownerBodyId()).orElseThrow(() ->
                new RuleViolation("there is no governance body " + command.ownerBodyId() + " to own " + id));
        if (body.disbanded()) {
            throw new RuleViolation("body " + body.bodyId() + " has been disbanded and cannot own " + id);
        }
        apply(new OwnerReassigned(id, owner, command.ownerBodyId()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeTimeframe command, GovernanceRecords records) {
        Mandate.require(records, command.decisionId(), id, "changing the timeframe of");
        refuseIfEnded("cannot change timeframe");
        if (command.timeframe() == timeframe) {
            throw new RuleViolation("action " + id + " is already " + timeframe);
        }
        apply(new TimeframeChanged(id, timeframe, command.timeframe()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeStatus command, GovernanceRecords records) {
        ActionStatus to = command.status();
        if (to == status) {
            throw new RuleViolation("action " + id + " is already " + status);
        }
        if (to == ActionStatus.NOT_STARTED) {
            throw new RuleViolation("an action cannot go back to NOT_STARTED; its history already has work in it");
        }
        String changeNeedingMandate = switch (to) {
            case CLOSED -> "closing";
            case CARRIED_FORWARD -> "carrying forward";
            case COMPLETED -> status.isEnded() ? "marking as completed" : null;
            default -> status.isEnded() ? "reopening" : null;
        };
        if (changeNeedingMandate != null) {
            Mandate.require(records, command.decisionId(), id, changeNeedingMandate);
        } else {
            Mandate.checkIfCited(records, command.decisionId(), id);
        }
        if (to == ActionStatus.CARRIED_FORWARD) {
            checkContinuations(command.into(), records);
            apply(new ActionCarriedForward(id, command.into()));
        } else if (!command.into().isEmpty()) {
            throw new RuleViolation("only carrying an action forward names the actions it continues in (into)");
        }
        apply(new ActionStatusChanged(id, status, to));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Records that later actions continue this one's work, ending it as carried forward. Called while the later
     * actions' plan version is published; the publication is the mandate.
     */
    public void continueIn(List<ActionRef> later) {
        if (status == ActionStatus.COMPLETED || status == ActionStatus.CLOSED) {
            throw new RuleViolation(later + " cannot continue " + id + ", which is " + status
                    + "; only open or carried-forward actions can be continued");
        }
        apply(new ActionCarriedForward(id, later));
        if (status != ActionStatus.CARRIED_FORWARD) {
            apply(new ActionStatusChanged(id, status, ActionStatus.CARRIED_FORWARD));
        }
    }

    private void checkContinuations(List<ActionRef> into, GovernanceRecords records) {
        if (into.isEmpty()) {
            throw new RuleViolation("carrying " + id + " forward needs the later actions that continue it (into)");
        }
        for (ActionRef later : into) {
            if (!later.isInAnotherVersionOf(id.planId(), id.versionId())) {
                throw new RuleViolation(id + " can be carried forward only into another version of plan " + id.planId()
                        + ", not into " + later);
            }
            if (!records.actionExists(later)) {
                throw new RuleViolation("there is no action " + later + " to carry " + id + " forward into");
            }
        }
    }

    private void refuseIfEnded(String consequence) {
        if (status.isEnded()) {
            throw new RuleViolation("action " + id + " is " + status + " and " + consequence
                    + " unless reopened under a decision");
        }
    }

    @EventSourcingHandler
    void on(ActionPublished event) {
        id = event.action();
        owner = event.ownerBodyId();
        timeframe = event.timeframe();
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

    @EventSourcingHandler
    void on(TimeframeChanged event) {
        timeframe = event.to();
    }
}
