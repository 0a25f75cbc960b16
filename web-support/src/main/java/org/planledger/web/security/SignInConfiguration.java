package org.planledger.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;

/**
 * How a service lets people sign in: bearer tokens where a decoder is configured, the demo accounts where
 * {@code plan-ledger.security.demo-accounts} switches them on (the local profile does; never under the production
 * profile, whatever the property says), and the throttle on password guessing.
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    @Bean
    @Profile("!production")
    @ConditionalOnBooleanProperty("plan-ledger.security.demo-accounts")
    DemoAccounts demoAccounts(@Value("${plan-ledger.security.demo-password}") String password) {
        return new DemoAccounts(password);
    }

    @Bean
    SignInThrottle signInThrottle(@Value("${plan-ledger.security.sign-in.failures-per-account}") int perAccount,
                                  @Value("${plan-ledger.security.sign-in.failures-per-address}") int perAddress,
                                  @Value("${plan-ledger.security.sign-in.window}") Duration window, Clock clock) {
        return new SignInThrottle(perAccount, perAddress, window, clock);
    }

    @Bean
    SignInMethods signInMethods(ObjectProvider<JwtDecoder> tokens, ObjectProvider<DemoAccounts> demo,
                                SignInThrottle throttle, @Value("${plan-ledger.security.role-claim}") String roleClaim) {
        return new SignInMethods(tokens.getIfAvailable(), demo.getIfAvailable(), throttle, roleClaim);
    }
}
