package org.planledger.query;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.planledger.events.ActionEvent;
import org.planledger.events.BodyEvent;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingEvent;
import org.planledger.events.EventMetadata;
import org.planledger.events.LedgerEvent;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabase;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the store the way the command service does, so the projections have something to read: as the
 * command service's role, over connections of its own, since the query service's role may not write events.
 */
@Component
public class Ledger implements DisposableBean {

    private final HikariDataSource connections = new HikariDataSource();
    private final EventStorageEngine storageEngine;
    private final TransactionManager transactionManager;

    public Ledger(TestDatabase database, Serializer serializer, Configuration configuration) {
        Database writer = database.command();
        connections.setJdbcUrl(writer.url());
        connections.setUsername(writer.username());
        connections.setPassword(writer.password());
        connections.setMaximumPoolSize(2);
        EventStoreConfiguration store = new EventStoreConfiguration();
        this.transactionManager = store.axonTransactionManager(new DataSourceTransactionManager(connections));
        this.storageEngine = store.eventStorageEngine(serializer, store.connectionProvider(connections), transactionManager,
                store.persistenceExceptionResolver(), store.eventSchema(), configuration, 1000);
    }

    @Override
    public void destroy() {
        connections.close();
    }

    /** Appends one event with the usual metadata, effective on the day it is recorded. */
    public void append(LedgerEvent event, String actor) {
        append(event, actor, null, Map.of());
    }

    public void append(LedgerEvent event, String actor, LocalDate effectiveOn, Map<String, String> extra) {
        appendRecordedAt(Instant.now(), event, actor, effectiveOn, extra);
    }

    /** Appends an event as if it had been recorded at {@code recordedAt}; effective then unless dated otherwise. */
    public void appendRecordedAt(Instant recordedAt, LedgerEvent event, String actor, LocalDate effectiveOn,
                                 Map<String, String> extra) {
        String aggregate = streamOf(event);
        Map<String, Object> metadata = new HashMap<>(extra);
        metadata.put(EventMetadata.ACTOR, actor);
        metadata.put(EventMetadata.RECORDED_AT, recordedAt.toString());
        metadata.put(EventMetadata.EFFECTIVE_ON,
                (effectiveOn == null ? LocalDate.ofInstant(recordedAt, EventMetadata.ZONE) : effectiveOn).toString());
        metadata.put(EventMetadata.COMMAND_ID, UUID.randomUUID().toString());
        metadata.putIfAbsent(EventMetadata.CORRELATION_ID, metadata.get(EventMetadata.COMMAND_ID));
        transactionManager.executeInTransaction(() -> {
            long sequence = storageEngine.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
            storageEngine.appendEvents(new GenericDomainEventMessage<>(aggregateType(event), aggregate, sequence, event,
                    MetaData.from(metadata)));
        });
    }

    private static String aggregateType(LedgerEvent event) {
        if (event instanceof ActionEvent) {
            return "Action";
        }
        if (event instanceof BodyEvent) {
            return "Body";
        }
        if (event instanceof MeetingEvent) {
            return "Meeting";
        }
        return event instanceof DecisionRecorded ? "Decision" : "PlanVersion";
    }

    /** The stream the command service would append the event to (see its StreamIds). */
    private static String streamOf(LedgerEvent event) {
        if (event instanceof ActionEvent action) {
            return action.action().toString();
        }
        if (event instanceof BodyEvent body) {
            return "body:" + body.bodyId();
        }
        if (event instanceof MeetingEvent meeting) {
            return "meeting:" + meeting.meetingId();
        }
        if (event instanceof DecisionRecorded decision) {
            return "decision:" + decision.decisionId();
        }
        return event.subject();
    }
}
