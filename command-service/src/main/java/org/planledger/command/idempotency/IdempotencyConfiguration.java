package org.planledger.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    /**
     * Registered after the bus's own transaction interceptor, so the key is claimed and completed inside the
     * command's transaction.
     */
    @Bean
    SmartInitializingSingleton idempotentHandling(CommandBus commandBus, IdempotencyKeys keys, JsonMapper json) {
        return () -> commandBus.registerHandlerInterceptor(new IdempotentHandling(keys, json));
    }
}
