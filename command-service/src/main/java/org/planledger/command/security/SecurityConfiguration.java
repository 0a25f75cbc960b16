package org.planledger.command.security;

import org.planledger.web.PublicUrl;
import org.planledger.web.security.LedgerSecurity;
import org.planledger.web.security.Roles;
import org.planledger.web.security.SignInConfiguration;
import org.planledger.web.security.SignInMethods;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may send which command (docs/security.md): the secretariat everything; a chair progress only, and only on an
 * action its body owns at that moment (the Action aggregate checks the owner); nobody else anything.
 */
@Configuration(proxyBeanMethods = false)
@Import(SignInConfiguration.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain commands(HttpSecurity http, SignInMethods signIn, PublicUrl site, JsonMapper json)
            throws Exception {
        LedgerSecurity.common(http, signIn, site, json)
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
