package org.planledger.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Reports whether the event store can be read, and the global position of its newest event. */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStorageEngine storageEngine;

    public EventStoreHealthIndicator(EventStorageEngine storageEngine) {
        super("The event store cannot be read");
        this.storageEngine = storageEngine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = storageEngine.createHeadToken();
        builder.up().withDetail("headPosition", head == null ? -1 : head.position().orElse(-1));
    }
}
