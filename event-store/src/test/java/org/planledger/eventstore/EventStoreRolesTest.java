package org.planledger.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.ProgressRecorded;
import org.planledger.localpostgres.FreshDatabase;
import org.planledger.localpostgres.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What each service's role may do to the event store (V4__service_roles.sql): the command service's appends, and can
 * neither change nor delete an event, nor write a link of the chain; the query service's only reads. The context
 * itself appends as the command service's role.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshDatabase.class)
class EventStoreRolesTest {

    /** PostgreSQL's insufficient_privilege. */
    private static final String REFUSED = "42501";

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    TestDatabase database;

    private long position;

    @BeforeEach
    void appendAnEvent() {
        String aggregate = "roles/" + UUID.randomUUID();
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                "Action", aggregate, 0, new ProgressRecorded(SampleEvents.ACTION, "recorded", List.of()),
                MetaData.emptyInstance())));
        position = JdbcClient.create(database.owner().dataSource())
                .sql("SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregate).query(Long.class).single();
    }

    @Test
    void theCommandServicesRoleCannotUpdateOrDeleteAnEvent() {
        JdbcClient command = JdbcClient.create(database.command().dataSource());

        refused(command, "UPDATE events.domain_event_entry SET payload = payload WHERE global_index = " + position);
        refused(command, "DELETE FROM events.domain_event_entry WHERE global_index = " + position);
        refused(command, "TRUNCATE events.domain_event_entry");
        refused(command, "ALTER TABLE events.domain_event_entry DISABLE TRIGGER USER");
        refused(command, "UPDATE events.event_hash SET hash = hash WHERE global_index = " + position);
        refused(command, "DELETE FROM events.event_hash WHERE global_index = " + position);
        refused(command, "INSERT INTO events.event_hash VALUES (" + (position + 1000) + ", " + position + ", '\\x00')");
        assertThat(command.sql("SELECT count(*) FROM events.domain_event_entry WHERE global_index = ?").param(position)
                .query(Long.class).single()).as("the event, still there").isEqualTo(1);
    }

    @Test
    void theQueryServicesRoleReadsTheEventsAndTheirChainAndCannotWriteEither() {
        JdbcClient query = JdbcClient.create(database.query().dataSource());

        refused(query, """
                INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                       time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                  FROM events.domain_event_entry WHERE global_index = %d""".formatted(position));
        refused(query, "UPDATE events.domain_event_entry SET payload = payload WHERE global_index = " + position);
        refused(query, "DELETE FROM events.domain_event_entry WHERE global_index = " + position);
        refused(query, "INSERT INTO events.event_hash VALUES (" + (position + 1000) + ", " + position + ", '\\x00')");
        refused(query, "DELETE FROM events.snapshot_event_entry");
        refused(query, "DELETE FROM events.idempotency_key");
        assertThat(query.sql("""
                        SELECT count(*) FROM events.domain_event_entry e JOIN events.event_hash h USING (global_index)
                         WHERE global_index = ?""").param(position).query(Long.class).single())
                .as("the event and its link, as the query service reads them").isEqualTo(1);
    }

    private static void refused(JdbcClient role, String sql) {
        assertThatThrownBy(() -> role.sql(sql).update()).as(sql).rootCause()
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(REFUSED));
    }
}
