package org.planledger.command.meeting;

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
import org.planledger.command.meeting.MeetingCommands.RecordDecision;
import org.planledger.events.ActionRef;
import org.planledger.events.DecisionRecorded;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A decision minuted at a meeting. It is an aggregate of its own so that its id is unique across all meetings,
 * and so that an action's rules can read which actions it concerns: only those may be changed under it.
 */
@Aggregate
public class Decision {

    @AggregateIdentifier
    private String streamId;

    protected Decision() {
        // for Axon, which creates an empty decision before recording it and rebuilds it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordDecision command, GovernanceRecords records, Clock clock) {
        if (streamId != null) {
            throw new AlreadyExists("decision " + command.decisionId() + " has already been recorded");
        }
        GovernanceRecords.MeetingFacts meeting = records.meeting(command.meetingId()).orElseThrow(() ->
                new RuleViolation("there is no meeting " + command.meetingId() + " to have taken decision " + command.decisionId()));
        if (meeting.heldOn().isAfter(Meeting.today(clock))) {
            throw new RuleViolation("meeting " + command.meetingId() + " is on " + meeting.heldOn()
                    + "; its decisions can be recorded once it has been held");
        }
        Set<ActionRef> seen = new HashSet<>();
        for (ActionRef action : command.actions()) {
            if (!seen.add(action)) {
                throw new RuleViolation("decision " + command.decisionId() + " names " + action + " twice");
            }
            if (!records.actionExists(action)) {
                throw new RuleViolation("decision " + command.decisionId() + " names " + action + ", which does not exist");
            }
        }
        apply(new DecisionRecorded(command.decisionId(), command.meetingId(), command.text(), command.actions()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        streamId = StreamIds.decision(event.decisionId());
    }
}
