package org.planledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.web.Problems;
import org.planledger.web.PublicUrl;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What both services' APIs have in common: no sessions and no CSRF tokens (every request carries its credentials,
 * and no cookie is used), cross-site requests refused ({@link CrossSiteRequests}), bearer tokens and the demo
 * accounts as configured ({@link SignInMethods}), and 401, 403 and 429 answered as problem+json like every other
 * error.
 */
public final class LedgerSecurity {

    /** What anyone may GET on either service: health, and the OpenAPI description with its UI. */
    public static final String[] SERVICE_PAGES = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private LedgerSecurity() {
    }

    public static HttpSecurity common(HttpSecurity http, SignInMethods signIn, PublicUrl site, JsonMapper json)
            throws Exception {
        AccessDeniedHandler denied = (request, response, e) -> {
            if (e instanceof CsrfException) {
                problem(request, response, json, HttpStatus.FORBIDDEN, Problems.CROSS_SITE, "Cross-site request refused",
                        e.getMessage());
            } else {
                problem(request, response, json, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Not permitted",
                        "your role does not permit this");
            }
        };
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Before any credentials are looked at: a forged request is not a sign-in attempt.
                .addFilterBefore(new CrossSiteRequests(site, false, denied), CsrfFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(request, response, json,
                                HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Not signed in", signIn.demo() == null
                                        ? "sign in to do this: send a bearer token"
                                        : "sign in to do this: send a bearer token, or HTTP Basic with a demo account"))
                        .accessDeniedHandler(denied));
        return signIn.apply(http,
                (request, response, e) -> problem(request, response, json, HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED,
                        "Not signed in", "the bearer token is not valid"),
                (request, response, e) -> {
                    if (e instanceof SignInThrottled throttled) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfter().toSeconds()));
                        problem(request, response, json, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_SIGN_INS,
                                "Too many failed sign-ins", "too many failed sign-ins with this user name or from "
                                        + "this address; nothing was done. Try again in "
                                        + throttled.retryAfter().toSeconds() + " seconds");
                    } else {
                        problem(request, response, json, HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Not signed in",
                                "wrong user name or password");
                    }
                });
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

    /** A refusal in the same problem+json form as every other error. */
    static void problem(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
                        URI type, String title, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Problems.write(request, response, json, Problems.of(status, type, title, detail));
    }
}
