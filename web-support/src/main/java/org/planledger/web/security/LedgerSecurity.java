package org.planledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.web.Problems;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What both services' security has in common: no sessions and no CSRF tokens (every request carries its
 * credentials), bearer tokens when a JWT decoder is configured (production: an OIDC issuer), HTTP Basic when the demo
 * accounts exist (the local profile), and 401/403 answered as problem+json like every other error.
 */
public final class LedgerSecurity {

    /** What anyone may GET on either service: health, and the OpenAPI description with its UI. */
    public static final String[] SERVICE_PAGES = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

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
                        .authenticationEntryPoint((request, response, e) -> problem(request, response, json,
                                HttpStatus.UNAUTHORIZED, "Not signed in", demo == null
                                        ? "sign in to do this: send a bearer token"
                                        : "sign in to do this: send a bearer token, or HTTP Basic with a demo account"))
                        .accessDeniedHandler((request, response, e) -> problem(request, response, json, HttpStatus.FORBIDDEN,
                                "Not permitted", "your role does not permit this")));
        if (jwt != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.decoder(jwt).jwtAuthenticationConverter(converter(roleClaim)))
                    .authenticationEntryPoint((request, response, e) -> problem(request, response, json,
                            HttpStatus.UNAUTHORIZED, "Not signed in", "the bearer token is not valid")));
        }
        if (demo != null) {
            http.userDetailsService(demo).httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                    problem(request, response, json, HttpStatus.UNAUTHORIZED, "Not signed in", "wrong user name or password")));
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

    /**
     * The firewall's refusals as problem+json: a method no endpoint takes is a 405; anything else (a path that is not
     * in canonical form, such as {@code //} or {@code /..;/}, a header or parameter with a control character) a 400
     * saying what was refused.
     */
    public static RequestRejectedHandler rejected(JsonMapper json) {
        return (request, response, e) -> {
            boolean knownMethod = STANDARD_METHODS.contains(request.getMethod());
            String reason = e.getMessage() == null ? "" : e.getMessage().length() > 200
                    ? e.getMessage().substring(0, 200) + "…" : e.getMessage();
            Problems.write(request, response, json, knownMethod
                    ? Problems.ofStatus(400, "the request was refused as unsafe. " + reason)
                    : Problems.ofStatus(405, "no address here takes the method " + abbreviated(request.getMethod())));
        };
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    /** A 401 or 403 in the same problem+json form as every other error. */
    static void problem(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
                        String title, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Problems.write(request, response, json, Problems.of(status,
                status == HttpStatus.UNAUTHORIZED ? Problems.UNAUTHENTICATED : Problems.FORBIDDEN, title, detail));
    }
}
