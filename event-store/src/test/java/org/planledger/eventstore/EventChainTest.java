package org.planledger.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.ProgressRecorded;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.FreshDatabase;
import org.planledger.localpostgres.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ContextConfiguration;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain: every append extends it, verification recomputes it, and each kind of tampering with the database
 * is found at the position where it happened. Each tampering is undone at the end of its test, so the chain is
 * whole again for the next one. Events are appended as the command service's role and verified as the query
 * service's, as the services do.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshDatabase.class)
class EventChainTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestDatabase database;

    private List<Long> positions;
    /** The schema's owner, who may do anything to its tables that their triggers allow, and turn those off. */
    private SingleConnectionDataSource ownerConnection;
    private JdbcClient owner;
    private EventChain chain;

    @BeforeEach
    void appendFiveEvents() {
        Database ownerLogin = database.owner();
        ownerConnection = new SingleConnectionDataSource(ownerLogin.url(), ownerLogin.username(), ownerLogin.password(), true);
        owner = JdbcClient.create(ownerConnection);
        DataSource reader = database.query().dataSource();
        chain = new EventChain(reader, new DataSourceTransactionManager(reader));
        String aggregate = "chain/" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            int sequence = i;
            transactionManager.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                    "Action", aggregate, sequence, new ProgressRecorded(SampleEvents.ACTION, "step " + sequence, List.of()),
                    MetaData.from(Map.of("actor", "chair")))));
        }
        positions = jdbc.sql("SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ? ORDER BY 1")
                .param(aggregate).query(Long.class).list();
        assertThat(chain.verify(null).valid()).isTrue();
    }

    @AfterEach
    void closeTheOwnersConnection() {
        ownerConnection.destroy();
    }

    @Test
    void everyAppendExtendsTheChainAndMovesItsHead() {
        EventChain.Verification verification = chain.verify(null);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBrokenPosition()).isNull();
        assertThat(verification.head().position()).isEqualTo(positions.get(4));
        assertThat(verification.head().hash()).hasSize(64);
        assertThat(owner.sql("SELECT previous_index FROM events.event_hash WHERE global_index = ?").param(positions.get(3))
                .query(Long.class).single()).isEqualTo(positions.get(2));
    }

    @Test
    void writersAtTheSameTimeAreChainedInTheOrderOfTheirPositions() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String aggregate = "concurrent/" + UUID.randomUUID();
                done.add(CompletableFuture.runAsync(() -> IntStream.range(0, 25).forEach(sequence ->
                        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                                "Action", aggregate, sequence, new ProgressRecorded(SampleEvents.ACTION, "x", List.of()),
                                MetaData.emptyInstance())))), writers));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            writers.shutdown();
        }

        assertThat(chain.verify(null).valid()).isTrue();
    }

    @Test
    void refusesEvenTheOwnerToChangeOrDeleteAnEventWhileTheTriggersAreOn() {
        assertThatThrownBy(() -> owner.sql("UPDATE events.domain_event_entry SET payload = payload WHERE global_index = ?")
                .param(positions.get(0)).update()).hasMessageContaining("events are never changed or deleted");
        assertThatThrownBy(() -> owner.sql("DELETE FROM events.event_hash WHERE global_index = ?")
                .param(positions.get(0)).update()).hasMessageContaining("events are never changed or deleted");
    }

    @Test
    void findsAChangedPayload() {
        tampered(() -> owner.sql("""
                        UPDATE events.domain_event_entry
                           SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'step 2', 'step 9'), 'UTF8')
                         WHERE global_index = ?""").param(positions.get(2)).update(),
                positions.get(2));
    }

    @Test
    void findsChangedMetadata() {
        tampered(() -> owner.sql("""
                        UPDATE events.domain_event_entry
                           SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), 'chair', 'someone'), 'UTF8')
                         WHERE global_index = ?""").param(positions.get(1)).update(),
                positions.get(1));
    }

    @Test
    void findsADeletedEventWhetherOrNotItsHashWentWithIt() {
        tampered(() -> owner.sql("DELETE FROM events.domain_event_entry WHERE global_index = ?").param(positions.get(3)).update(),
                positions.get(3));
        tampered(() -> {
            owner.sql("DELETE FROM events.domain_event_entry WHERE global_index = ?").param(positions.get(3)).update();
            owner.sql("DELETE FROM events.event_hash WHERE global_index = ?").param(positions.get(3)).update();
        }, positions.get(3));
    }

    @Test
    void findsReorderedEvents() {
        // Events 1 and 2 swap places in the log.
        tampered(() -> {
            String move = "UPDATE events.domain_event_entry SET global_index = ? WHERE global_index = ?";
            owner.sql(move).params(-1L, positions.get(1)).update();
            owner.sql(move).params(positions.get(1), positions.get(2)).update();
            owner.sql(move).params(positions.get(2), -1L).update();
        }, positions.get(1));
    }

    @Test
    void provesAnOldCheckpointIsStillPartOfTheChain() {
        EventChain.Link checkpoint = chain.head();

        assertThat(chain.verify(checkpoint).checkpointMatches()).isTrue();
        assertThat(chain.verify(new EventChain.Link(checkpoint.position(), "00".repeat(32))).checkpointMatches()).isFalse();
    }

    /**
     * Tampers with the tables as the schema's owner could (triggers off), checks the chain
     * breaks exactly at {@code position}, then puts every row back as it was.
     */
    private void tampered(Runnable tamper, long position) {
        List<Map<String, Object>> events = owner.sql("SELECT * FROM events.domain_event_entry ORDER BY global_index").query().listOfRows();
        List<Map<String, Object>> hashes = owner.sql("SELECT * FROM events.event_hash ORDER BY global_index").query().listOfRows();
        owner.sql("ALTER TABLE events.domain_event_entry DISABLE TRIGGER USER").update();
        owner.sql("ALTER TABLE events.event_hash DISABLE TRIGGER USER").update();
        try {
            tamper.run();
            EventChain.Verification verification = chain.verify(null);
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenPosition()).isEqualTo(position);
        } finally {
            owner.sql("DELETE FROM events.domain_event_entry").update();
            owner.sql("DELETE FROM events.event_hash").update();
            events.forEach(row -> insert("events.domain_event_entry", row));
            hashes.forEach(row -> insert("events.event_hash", row));
            owner.sql("ALTER TABLE events.domain_event_entry ENABLE TRIGGER USER").update();
            owner.sql("ALTER TABLE events.event_hash ENABLE TRIGGER USER").update();
        }
        assertThat(chain.verify(null).valid()).isTrue();
    }

    private void insert(String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        owner.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")")
                .params(row).update();
    }
}
