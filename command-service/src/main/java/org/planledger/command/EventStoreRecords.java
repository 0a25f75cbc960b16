package org.planledger.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.ActionRef;
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

    /** One indexed lookup of the stream's last sequence number; the events themselves are not read. */
    @Override
    public boolean actionExists(ActionRef action) {
        return eventStore.lastSequenceNumberFor(action.toString()).isPresent();
    }

    private List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }
}
