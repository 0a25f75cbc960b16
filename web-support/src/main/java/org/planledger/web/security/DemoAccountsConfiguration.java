package org.planledger.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo accounts, where {@code plan-ledger.security.demo-accounts} switches them on (the local profile does) and
 * never under the production profile, whatever the property says.
 */
@Configuration(proxyBeanMethods = false)
public class DemoAccountsConfiguration {

    @Bean
    @Profile("!production")
    @ConditionalOnBooleanProperty("plan-ledger.security.demo-accounts")
    DemoAccounts demoAccounts(@Value("${plan-ledger.security.demo-password}") String password) {
        return new DemoAccounts(password);
    }
}
