package org.planledger.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.ChairAppointed;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** {@link GovernanceRecords} read from each aggregate's committed events in the event store. */
@Component
public class EventStoreRecords implements GovernanceRecords {

    private final EventStore eventStore;

    public EventStoreRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<BodyFacts> body(String bodyId) {
        BodyFacts facts = null;
        for (Object event : events(StreamIds.body(bodyId))) {
            if (event instanceof BodyEstablished established) {
                facts = new BodyFacts(bodyId, established.kind(), false, null);
            } else if (event instanceof ChairAppointed appointed && facts != null) {
                facts = new BodyFacts(bodyId, facts.kind(), facts.disbanded(), appointed.chair());
            } else if (event instanceof BodyDisbanded && facts != null) {
                facts = new BodyFacts(bodyId, facts.kind(), true, facts.chair());
            }
        }
        return Optional.ofNullable(facts);
    }

    @Override
    public Optional<MeetingFacts> meeting(String meetingId) {
        return events(StreamIds.meeting(meetingId)).stream()
                .filter(MeetingScheduled.class::isInstance).map(MeetingScheduled.class::cast).findFirst()
                .map(scheduled -> new MeetingFacts(meetingId, scheduled.bodyId(), scheduled.heldOn()));
    }

    @Override
    public Optional<DecisionFacts> decision(String decisionId) {
        return events(StreamIds.decision(decisionId)).stream()
                .filter(DecisionRecorded.class::isInstance).map(DecisionRecorded.class::cast).findFirst()
                .map(recorded -> new DecisionFacts(decisionId, recorded.meetingId(), recorded.actions()));
    }

    @Override
    public Optional<ActionFacts> action(ActionRef action) {
        ActionFacts facts = null;
        for (Object event : events(action.toString())) {
            if (event instanceof ActionPublished published) {
                facts = new ActionFacts(action, published.status());
            } else if (event instanceof ActionStatusChanged changed && facts != null) {
                facts = new ActionFacts(action, changed.to());
            }
        }
        return Optional.ofNullable(facts);
    }

    private List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }
}
