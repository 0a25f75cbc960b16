package org.planledger.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event store as both services use it: Axon's JDBC storage engine on the {@value #SCHEMA} schema, Jackson 3
 * with stable type names, and Spring's transactions.
 * <p>
 * Every bean is declared here rather than left to Axon's auto-configuration: on Spring Boot 4 that
 * auto-configuration can be evaluated before Boot's DataSource and transaction manager exist, and would then
 * silently fall back to no transactions at all.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** The PostgreSQL schema holding the event store tables. */
    public static final String SCHEMA = "events";
    /** Where the event store's Flyway migrations live. */
    public static final String MIGRATIONS = "classpath:db/event-store";
    /** PostgreSQL's unique_violation: another writer appended the same aggregate sequence number first. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The one serializer for events, messages, snapshots and tokens. */
    @Bean
    @Primary
    public Serializer serializer() {
        return LedgerSerializer.create();
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Maps a duplicate aggregate sequence to Axon's ConcurrencyException instead of an unexplained SQL error. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 EventSchema eventSchema,
                                                 Configuration configuration,
                                                 @Value("${plan-ledger.event-store.read-batch-size:1000}") int readBatchSize) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                // Axon reads 100 events per query by default: a catch-up over a million events made 10,000 queries.
                .batchSize(readBatchSize)
                // An aggregate's events are read in batches until one comes back short, not until one comes back
                // empty: Axon's default asked the database once more on every command.
                .finalAggregateBatchPredicate(batch -> batch.size() < readBatchSize)
                .build();
    }

    /**
     * The store and its event bus. Another process's appends are only seen when the store polls, so
     * {@code plan-ledger.event-store.fetch-delay} sets how long an idle reader waits before looking again.
     */
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         Configuration configuration,
                                         @Value("${plan-ledger.event-store.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /** Verifies the store's hash chain (see V2__hash_chain.sql). */
    @Bean
    public EventChain eventChain(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new EventChain(dataSource, transactionManager);
    }

    @Bean
    public EventStoreHealthIndicator eventStoreHealthIndicator(EventStorageEngine storageEngine) {
        return new EventStoreHealthIndicator(storageEngine);
    }
}
