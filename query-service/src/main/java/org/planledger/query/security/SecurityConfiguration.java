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
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may read what (docs/security.md): anyone the plan's status, diffs, actions, their histories and the bodies;
 * signed-in staff (secretariat, auditors, chairs) meetings, decisions and accountability; auditors the audit log,
 * traceability and integrity; the secretariat the administration of the read models. The web pages follow the same
 * rules, plus their forms: progress for the secretariat and chairs, everything else for the secretariat (the command
 * service checks each command again).
 */
@Configuration(proxyBeanMethods = false)
@Import(DemoAccountsConfiguration.class)
public class SecurityConfiguration {

    /** The JSON API and the service pages: everything answered as problem+json. */
    public static final String[] API = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"};
    private static final String[] STAFF = {Roles.SECRETARIAT, Roles.AUDITOR, Roles.CHAIR};

    /** The JSON API and the service pages: problem+json for 401 and 403, no CSRF tokens (no cookies are used). */
    @Bean
    @Order(1)
    SecurityFilterChain queries(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, ObjectProvider<DemoAccounts> demo,
                                @Value("${plan-ledger.security.role-claim}") String roleClaim, JsonMapper json)
            throws Exception {
        http.securityMatcher(API);
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

    /**
     * The web pages. A browser keeps HTTP Basic credentials and sends them with any form aimed at this site, so the
     * forms carry a CSRF token (kept in a cookie, as there are no sessions). 401 and 403 are pages, and a 401 asks the
     * browser for a demo account's name and password.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, ObjectProvider<DemoAccounts> demo,
                              @Value("${plan-ledger.security.role-claim}") String roleClaim) throws Exception {
        BasicAuthenticationEntryPoint signIn = new BasicAuthenticationEntryPoint();
        signIn.setRealmName("Plan Ledger");
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic credentials authenticate every request afresh; replacing the token at each "sign-in" would
                // invalidate the form the browser is showing.
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/plans/*/versions/*/actions/*/progress")
                        .hasAnyRole(Roles.SECRETARIAT, Roles.CHAIR)
                        .requestMatchers(HttpMethod.POST, "/plans/*/versions/*/actions/*/ownership", "/meetings",
                                "/meetings/*/decisions").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/meetings/new").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit.csv", "/integrity").hasRole(Roles.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/meetings", "/meetings/*", "/decisions/*").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/sign-in").authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/plans/**", "/bodies", "/bodies/*", "/govuk/**",
                                "/assets/**", "/site.css", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        JwtDecoder decoder = jwt.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.jwt(token -> token.decoder(decoder)
                    .jwtAuthenticationConverter(LedgerSecurity.converter(roleClaim))));
        }
        DemoAccounts accounts = demo.getIfAvailable();
        if (accounts != null) {
            http.userDetailsService(accounts).httpBasic(basic -> basic.authenticationEntryPoint(signIn));
        }
        return http.build();
    }
}
