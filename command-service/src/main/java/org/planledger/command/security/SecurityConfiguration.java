package org.planledger.command.security;

import org.planledger.web.security.DemoAccounts;
import org.planledger.web.security.DemoAccountsConfiguration;
import org.planledger.web.security.LedgerSecurity;
import org.planledger.web.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may send which command (docs/security.md): the secretariat everything; a chair progress only, and only on an
 * action its body owns at that moment (the Action aggregate checks the owner); nobody else anything.
 */
@Configuration(proxyBeanMethods = false)
@Import(DemoAccountsConfiguration.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain commands(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, ObjectProvider<DemoAccounts> demo,
                                 @Value("${plan-ledger.security.role-claim}") String roleClaim, JsonMapper json)
            throws Exception {
        LedgerSecurity.common(http, jwt.getIfAvailable(), demo.getIfAvailable(), roleClaim, json)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/plans/*/versions/*/actions/*/progress")
                        .hasAnyRole(Roles.SECRETARIAT, Roles.CHAIR)
                        .requestMatchers("/api/**").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, LedgerSecurity.SERVICE_PAGES).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
