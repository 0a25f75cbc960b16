package org.planledger.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.ProgressRecorded;
import org.planledger.localpostgres.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = FreshDatabase.class)
class JdbcEventStoreTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @Test
    void storesEventsAsJsonInByteaColumnsUnderTheirStableNames() {
        String aggregate = newAggregateId();
        append(event(aggregate, 0, new ProgressRecorded(SampleEvents.ACTION, "first", List.of()), Map.of("actor", "alice")));

        Map<String, Object> row = jdbc.sql("""
                        SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload,
                               convert_from(meta_data, 'UTF8') AS meta_data
                          FROM events.domain_event_entry WHERE aggregate_identifier = ?""")
                .param(aggregate).query().singleRow();

        assertThat(row).containsEntry("payload_type", "ProgressRecorded").containsEntry("payload_revision", "1");
        assertThat((String) row.get("payload")).contains("\"summary\":\"first\"");
        assertThat((String) row.get("meta_data")).contains("\"actor\":\"alice\"");
        assertThat(columnTypes()).containsEntry("payload", "bytea").containsEntry("meta_data", "bytea")
                .containsEntry("global_index", "bigint");
    }

    @Test
    void readsAnAggregatesEventsBackInOrderWithTheirMetadata() {
        String aggregate = newAggregateId();
        append(event(aggregate, 0, new ProgressRecorded(SampleEvents.ACTION, "first", List.of()), Map.of("actor", "alice")),
                event(aggregate, 1, new ActionStatusChanged(SampleEvents.ACTION, ActionStatus.NOT_STARTED, ActionStatus.AT_RISK),
                        Map.of("actor", "bob", "reason", "slipping")));

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents(aggregate).asStream().toList();

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(read.get(1).getPayload())
                .isEqualTo(new ActionStatusChanged(SampleEvents.ACTION, ActionStatus.NOT_STARTED, ActionStatus.AT_RISK));
        assertThat(read.get(1).getMetaData()).containsEntry("actor", "bob").containsEntry("reason", "slipping");
    }

    @Test
    void refusesASecondWriterOfTheSameSequenceNumberWithAConcurrencyException() {
        String aggregate = newAggregateId();
        append(event(aggregate, 0, new ProgressRecorded(SampleEvents.ACTION, "first", List.of()), Map.of()));
        append(event(aggregate, 1, new ProgressRecorded(SampleEvents.ACTION, "second", List.of()), Map.of()));

        assertThatThrownBy(() -> append(event(aggregate, 1, new ProgressRecorded(SampleEvents.ACTION, "rival", List.of()), Map.of())))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> append(event(aggregate, 0, new ProgressRecorded(SampleEvents.ACTION, "rival", List.of()), Map.of())))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(eventStore.readEvents(aggregate).asStream().map(e -> ((ProgressRecorded) e.getPayload()).summary()))
                .containsExactly("first", "second");
    }

    @Test
    void appendsABatchAtomicallyWhenOneOfItsEventsIsRefused() {
        String taken = newAggregateId();
        String fresh = newAggregateId();
        append(event(taken, 0, new ProgressRecorded(SampleEvents.ACTION, "already there", List.of()), Map.of()));

        assertThatThrownBy(() -> transactionManager.executeInTransaction(() -> storageEngine.appendEvents(
                event(fresh, 0, new ProgressRecorded(SampleEvents.ACTION, "would be lost", List.of()), Map.of()),
                event(taken, 0, new ProgressRecorded(SampleEvents.ACTION, "clash", List.of()), Map.of()))))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(eventStore.lastSequenceNumberFor(fresh)).isEmpty();
    }

    @Test
    void reportsTheHeadOfTheStoreForHealth() {
        append(event(newAggregateId(), 0, new ProgressRecorded(SampleEvents.ACTION, "x", List.of()), Map.of()));
        long head = jdbc.sql("SELECT max(global_index) FROM events.domain_event_entry").query(Long.class).single();

        var health = new EventStoreHealthIndicator(storageEngine).health(true);

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("headPosition", head);
    }

    private void append(DomainEventMessage<?>... events) {
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(events));
    }

    private Map<String, String> columnTypes() {
        return jdbc.sql("""
                        SELECT column_name, data_type FROM information_schema.columns
                         WHERE table_schema = 'events' AND table_name = 'domain_event_entry'""")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload, Map<String, ?> metadata) {
        return new GenericDomainEventMessage<>("Action", aggregate, sequence, payload, MetaData.from(metadata));
    }

    private static String newAggregateId() {
        return "test/" + UUID.randomUUID();
    }

}
