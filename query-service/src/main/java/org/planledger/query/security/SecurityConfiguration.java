package org.planledger.query.security;

import org.planledger.web.PublicUrl;
import org.planledger.web.security.CrossSiteRequests;
import org.planledger.web.security.LedgerSecurity;
import org.planledger.web.security.Roles;
import org.planledger.web.security.SignInConfiguration;
import org.planledger.web.security.SignInMethods;
import org.planledger.web.security.SignInThrottled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may read what (docs/security.md): anyone the plan's status, diffs, actions, their histories and the bodies;
 * signed-in staff (secretariat, auditors, chairs) meetings, decisions and accountability; auditors the audit log,
 * traceability and integrity; the secretariat the administration of the read models. The web pages follow the same
 * rules, plus their forms: progress for the secretariat and chairs, everything else for the secretariat (the command
 * service checks each command again).
 */
@Configuration(proxyBeanMethods = false)
@Import(SignInConfiguration.class)
public class SecurityConfiguration {

    /** The JSON API and the service pages: everything answered as problem+json. */
    public static final String[] API = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"};
    private static final String[] STAFF = {Roles.SECRETARIAT, Roles.AUDITOR, Roles.CHAIR};
    public static final String CSRF_COOKIE = "__Host-XSRF-TOKEN";
    /** Request attributes the error page reads: a form refused as forged, and when to sign in again. */
    static final String FORM_REFUSED = "formRefused";
    static final String RETRY_AFTER_MINUTES = "retryAfterMinutes";

    /** The JSON API and the service pages: problem+json for 401, 403 and 429, no CSRF tokens (no cookies are used). */
    @Bean
    @Order(1)
    SecurityFilterChain queries(HttpSecurity http, SignInMethods signIn, PublicUrl site, JsonMapper json) throws Exception {
        http.securityMatcher(API);
        LedgerSecurity.common(http, signIn, site, json)
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
     * The web pages. A browser keeps HTTP Basic credentials and sends them with any form aimed at this site, so a form
     * must come from a page of this site (its Origin, {@link CrossSiteRequests}) and carry a CSRF token matching a
     * cookie (there are no sessions to keep it in). 401, 403 and 429 are pages; a 401 asks the browser for a demo
     * account's name and password.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInMethods signIn, PublicUrl site) throws Exception {
        BasicAuthenticationEntryPoint signInPrompt = new BasicAuthenticationEntryPoint();
        signInPrompt.setRealmName("Plan Ledger");
        AccessDeniedHandler denied = (request, response, e) -> {
            if (e instanceof CsrfException) {
                request.setAttribute(FORM_REFUSED, true);
            }
            response.sendError(HttpStatus.FORBIDDEN.value());
        };
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic credentials authenticate every request afresh; replacing the token at each "sign-in" would
                // invalidate the form the browser is showing.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .addFilterBefore(new CrossSiteRequests(site, true, denied), CsrfFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInPrompt).accessDeniedHandler(denied))
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
        signIn.apply(http, null, (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                long seconds = throttled.retryAfter().toSeconds();
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                request.setAttribute(RETRY_AFTER_MINUTES, (seconds + 59) / 60);
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            } else {
                signInPrompt.commence(request, response, e);
            }
        });
        return http.build();
    }

    /**
     * The CSRF token's cookie: {@code __Host-}, so only this origin over a secure connection can set it (browsers
     * count http://localhost as one), and SameSite=Strict, so no other site's request carries it.
     */
    static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieName(CSRF_COOKIE);
        cookie.setCookiePath("/");
        cookie.setCookieCustomizer(settings -> settings.secure(true).sameSite("Strict"));
        return cookie;
    }
}
