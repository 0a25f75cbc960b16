package org.planledger.command.body;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.planledger.command.AlreadyExists;
import org.planledger.command.GovernanceRecords;
import org.planledger.command.RuleViolation;
import org.planledger.command.StreamIds;
import org.planledger.command.body.BodyCommands.AddMember;
import org.planledger.command.body.BodyCommands.AppointChair;
import org.planledger.command.body.BodyCommands.ChangeBodyDetails;
import org.planledger.command.body.BodyCommands.CoOptChair;
import org.planledger.command.body.BodyCommands.DisbandBody;
import org.planledger.command.body.BodyCommands.EstablishBody;
import org.planledger.command.body.BodyCommands.RemoveMember;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.BodyRemitChanged;
import org.planledger.events.BodyRenamed;
import org.planledger.events.ChairAppointed;
import org.planledger.events.ChairCoOpted;
import org.planledger.events.MemberAdded;
import org.planledger.events.MemberRemoved;
import org.planledger.events.Person;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A governance body: the Task Force, a working group, a network, a national group or an external organisation
 * that delivers work. It has a chair and members, and ends when disbanded. Handlers return its version.
 */
@Aggregate
public class Body {

    @AggregateIdentifier
    private String streamId;
    private String bodyId;
    private BodyKind kind;
    private String name;
    private String remit;
    private Person chair;
    private final Map<String, Person> members = new LinkedHashMap<>();
    private boolean disbanded;

    protected Body() {
        // for Axon, which creates an empty body before establishing it and rebuilds it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EstablishBody command) {
        if (streamId != null) {
            throw new AlreadyExists("body " + bodyId + " has already been established");
        }
        apply(new BodyEstablished(command.bodyId(), command.kind(), command.name(), command.remit(), command.aim(),
                command.establishedOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeBodyDetails command) {
        refuseIfDisbanded();
        boolean renamed = command.name() != null && !command.name().equals(name);
        boolean newRemit = command.remit() != null && !command.remit().equals(remit);
        if (!renamed && !newRemit) {
            throw new RuleViolation("body " + bodyId + " already has that name and remit; nothing would change");
        }
        if (renamed) {
            apply(new BodyRenamed(bodyId, name, command.name()));
        }
        if (newRemit) {
            apply(new BodyRemitChanged(bodyId, remit, command.remit()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AppointChair command) {
        refuseIfDisbanded();
        if (chair != null && chair.personId().equals(command.chair().personId())) {
            throw new RuleViolation(command.chair().name() + " already chairs " + bodyId);
        }
        apply(new ChairAppointed(bodyId, command.chair(), chair));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddMember command) {
        refuseIfDisbanded();
        if (members.containsKey(command.member().personId())) {
            throw new RuleViolation(command.member().personId() + " is already a member of " + bodyId);
        }
        apply(new MemberAdded(bodyId, command.member()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveMember command) {
        refuseIfDisbanded();
        Person member = members.get(command.personId());
        if (member == null) {
            throw new RuleViolation(command.personId() + " is not a member of " + bodyId);
        }
        apply(new MemberRemoved(bodyId, member));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CoOptChair command, GovernanceRecords records) {
        refuseIfDisbanded();
        if (kind != BodyKind.TASK_FORCE) {
            throw new RuleViolation("chairs are co-opted onto the Task Force; " + bodyId + " is a " + kind);
        }
        GovernanceRecords.BodyFacts group = records.body(command.chairOf())
                .filter(facts -> !facts.disbanded())
                .orElseThrow(() -> new RuleViolation("there is no operational body " + command.chairOf()
                        + " whose chair could be co-opted"));
        Person groupChair = group.chair();
        if (groupChair == null) {
            throw new RuleViolation(command.chairOf() + " has no chair to co-opt; appoint one first");
        }
        if (members.containsKey(groupChair.personId())) {
            throw new RuleViolation(groupChair.name() + " already sits on " + bodyId);
        }
        apply(new ChairCoOpted(bodyId, groupChair, command.chairOf()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DisbandBody command) {
        refuseIfDisbanded();
        apply(new BodyDisbanded(bodyId, command.disbandedOn()));
        return AggregateLifecycle.getVersion();
    }

    private void refuseIfDisbanded() {
        if (disbanded) {
            throw new RuleViolation("body " + bodyId + " has been disbanded");
        }
    }

    @EventSourcingHandler
    void on(BodyEstablished event) {
        streamId = StreamIds.body(event.bodyId());
        bodyId = event.bodyId();
        kind = event.kind();
        name = event.name();
        remit = event.remit();
    }

    @EventSourcingHandler
    void on(BodyRenamed event) {
        name = event.to();
    }

    @EventSourcingHandler
    void on(BodyRemitChanged event) {
        remit = event.to();
    }

    @EventSourcingHandler
    void on(ChairAppointed event) {
        chair = event.chair();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.member().personId(), event.member());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.member().personId());
    }

    @EventSourcingHandler
    void on(ChairCoOpted event) {
        members.put(event.chair().personId(), event.chair());
    }

    @EventSourcingHandler
    void on(BodyDisbanded event) {
        disbanded = true;
    }
}
