package org.planledger.query;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.planledger.web.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every projection parks an event it cannot handle in a dead-letter queue (table dead_letter_entry) and goes on with
 * the rest: one bad event no longer stops a read model. Axon keeps the order within a sequence (an aggregate's
 * events): once one of its events is parked, its later events are parked behind it, in that projection only.
 * <p>
 * {@link EventIsolation} tries a failing event a few times first; the policy here then parks it, unless the database
 * itself failed, which no event should be parked for: that fails the batch, and the processor tries it again later.
 * A replay empties the queue, and an event that still fails is parked again, unless it was evicted.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    /** Generous: a parked action can hold up thousands of its later events, and rows cost nothing while they wait. */
    private static final int MAX_SEQUENCES = 10_000;
    private static final int MAX_SEQUENCE_SIZE = 100_000;

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** A queue for every processing group, emptied when the group's projection is replayed. */
    @Bean
    public ConfigurerModule deadLetterQueues(ConnectionProvider connections, TransactionManager transactions,
                                             DeadLetterSchema schema, Serializer serializer,
                                             EventProcessorProperties processors, JdbcClient jdbc) {
        return configurer -> {
            configurer.eventProcessing()
                    .registerDeadLetterQueueProvider(group -> configuration ->
                            JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                    .processingGroup(group)
                                    .connectionProvider(connections)
                                    .transactionManager(transactions)
                                    .schema(schema)
                                    .genericSerializer(serializer)
                                    .eventSerializer(serializer)
                                    .maxSequences(MAX_SEQUENCES)
                                    .maxSequenceSize(MAX_SEQUENCE_SIZE)
                                    .build());
            processors.getProcessors().keySet().forEach(group -> configurer.eventProcessing()
                    .registerDeadLetterPolicy(group, configuration -> parking(group, jdbc))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (configuration, invoker) -> invoker.allowReset(true)));
        };
    }

    /**
     * Parks an event that failed, with a one-line cause; fails the batch instead when the database itself failed;
     * and skips an event that the secretariat evicted from this projection before, so that a replay honours it.
     */
    static EnqueuePolicy<EventMessage<?>> parking(String group, JdbcClient jdbc) {
        return (letter, cause) -> {
            if (DatabaseFailures.passing(cause)) {
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            boolean evicted = jdbc.sql("SELECT count(*) FROM dead_letter_eviction WHERE processing_group = ? AND event_identifier = ?")
                    .params(group, letter.message().getIdentifier()).query(Long.class).single() > 0;
            if (evicted) {
                log.warn("{}: event {} failed again ({}); it was evicted from this projection before, so it is skipped",
                        group, letter.message().getIdentifier(), DatabaseFailures.describe(cause));
                return Decisions.doNotEnqueue();
            }
            return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), DatabaseFailures.describe(cause)));
        };
    }
}
