package org.planledger.command.metadata;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.planledger.events.EventMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** How commands are sent and how their metadata reaches the events they produce. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The gateway every caller uses; it stamps each command with its metadata as it is sent. A command that lost a
     * race to append to its aggregate is sent again (see ConcurrentWriteRetries).
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, Clock clock, CurrentActor currentActor,
                                         ScheduledExecutorService commandRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new EventMetadataInterceptor(clock, currentActor))
                .retryScheduler(new ConcurrentWriteRetries(commandRetries))
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetries() {
        return Executors.newScheduledThreadPool(2);
    }

    /** Copies the command's metadata onto every event applied while handling it. */
    @Bean
    public CorrelationDataProvider eventMetadataProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.KEYS.toArray(String[]::new));
    }
}
