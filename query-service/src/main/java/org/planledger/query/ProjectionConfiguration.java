package org.planledger.query;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** What the projections' processors read, and where they keep their place in it (projections.token_entry). */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    public static final String SCHEMA = "projections";

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                        .setTokenTable(SCHEMA + ".token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    /** What the processors read (named as their source in application.yml). */
    @Bean
    public PromptEventSource promptEventSource(EventStorageEngine storageEngine,
                                               @Value("${plan-ledger.event-store.fetch-delay:100ms}") Duration tick) {
        return new PromptEventSource(storageEngine, tick);
    }

    /**
     * A projection that fails on an event (a deadlock, the database gone) must not skip it, which is what Axon's
     * default handler does after logging. Propagating the error rolls the batch back and the processor retries it.
     */
    @Bean
    public ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * A segment that has read past events for other segments records its place only when it next extends its claim
     * (Axon's default: every 5 s). The replay guard and the health endpoint read those places, so they are kept
     * within a second of the truth.
     */
    @Bean
    public ConfigurerModule projectionsRecordTheirPlaceEverySecond() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.claimExtensionThreshold(1_000));
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
