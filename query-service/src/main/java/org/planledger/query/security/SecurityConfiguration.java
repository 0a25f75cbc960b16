package org.planledger.query.security;

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
 * Who may read what (docs/security.md): anyone the plan's status, diffs, actions, their histories and the bodies;
 * signed-in staff (secretariat, auditors, chairs) meetings, decisions and accountability; auditors the audit log,
 * traceability and integrity; the secretariat the administration of the read models.
 */
@Configuration(proxyBeanMethods = false)
@Import(DemoAccountsConfiguration.class)
public class SecurityConfiguration {

    private static final String[] STAFF = {Roles.SECRETARIAT, Roles.AUDITOR, Roles.CHAIR};

    @Bean
    SecurityFilterChain queries(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, ObjectProvider<DemoAccounts> demo,
                                @Value("${plan-ledger.security.role-claim}") String roleClaim, JsonMapper json)
            throws Exception {
        LedgerSecurity.common(http, jwt.getIfAvailable(), demo.getIfAvailable(), roleClaim, json)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/**").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/traceability", "/api/meetings/*/traceability",
                                "/api/integrity", "/api/integrity/**").hasRole(Roles.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/bodies/*/accountability", "/api/people/**",
                                "/api/meetings", "/api/meetings/**", "/api/decisions/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/plans", "/api/plans/**", "/api/bodies", "/api/bodies/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, LedgerSecurity.SERVICE_PAGES).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
