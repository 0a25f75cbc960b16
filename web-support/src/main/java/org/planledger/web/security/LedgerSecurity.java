package org.planledger.web.security;

import jakarta.servlet.http.HttpServletResponse;
import org.planledger.web.Problems;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * What both services' security has in common: no sessions and no CSRF tokens (every request carries its
 * credentials), bearer tokens when a JWT decoder is configured (production: an OIDC issuer), HTTP Basic when the demo
 * accounts exist (the local profile), and 401/403 answered as problem+json like every other error.
 */
public final class LedgerSecurity {

    /** What anyone may GET on either service: health, and the OpenAPI description with its UI. */
    public static final String[] SERVICE_PAGES = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private LedgerSecurity() {
    }

    /**
     * @param jwt       the configured decoder, or null when none is (then bearer tokens are not accepted)
     * @param demo      the demo accounts, or null outside the local profile
     * @param roleClaim the token claim holding role names ({@code SECRETARIAT}, {@code AUDITOR}, {@code CHAIR:<bodyId>})
     */
    public static HttpSecurity common(HttpSecurity http, JwtDecoder jwt, UserDetailsService demo, String roleClaim,
                                      JsonMapper json) throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response, json,
                                HttpStatus.UNAUTHORIZED, "Not signed in", demo == null
                                        ? "sign in to do this: send a bearer token"
                                        : "sign in to do this: send a bearer token, or HTTP Basic with a demo account"))
                        .accessDeniedHandler((request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN,
                                "Not permitted", "your role does not permit this")));
        if (jwt != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.decoder(jwt).jwtAuthenticationConverter(converter(roleClaim)))
                    .authenticationEntryPoint((request, response, e) -> problem(response, json,
                            HttpStatus.UNAUTHORIZED, "Not signed in", "the bearer token is not valid")));
        }
        if (demo != null) {
            http.userDetailsService(demo).httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                    problem(response, json, HttpStatus.UNAUTHORIZED, "Not signed in", "wrong user name or password")));
        }
        return http;
    }

    /** A token's authentication: its subject as the principal's name, its roles claim as authorities. */
    public static Converter<Jwt, AbstractAuthenticationToken> converter(String roleClaim) {
        return source -> new JwtAuthenticationToken(source, Roles.authorities(roles(source, roleClaim)),
                source.getSubject());
    }

    private static Collection<String> roles(Jwt token, String claim) {
        Object value = token.getClaims().get(claim);
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString().split("[ ,]+"));
    }

    /** A 401 or 403 in the same problem+json form as every other error. */
    static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status,
                status == HttpStatus.UNAUTHORIZED ? Problems.UNAUTHENTICATED : Problems.FORBIDDEN, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
