package org.planledger.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The ways a service accepts to sign in, as configured.
 *
 * @param tokens    the bearer-token decoder, or null when none is configured (then tokens are not accepted)
 * @param demo      the demo accounts, or null outside the local profile
 * @param throttle  the limit on failed password sign-ins
 * @param roleClaim the token claim holding role names ({@code SECRETARIAT}, {@code AUDITOR}, {@code CHAIR:<bodyId>})
 */
public record SignInMethods(JwtDecoder tokens, DemoAccounts demo, SignInThrottle throttle, String roleClaim) {

    /**
     * Adds them to a security chain: bearer tokens, a bad one answered by {@code badToken} (Spring Security's own
     * answer if null), and HTTP Basic with the demo accounts, each of whose failures {@code refused} answers
     * ({@link SignInThrottled} when the throttle refused it).
     */
    public HttpSecurity apply(HttpSecurity http, AuthenticationEntryPoint badToken, AuthenticationEntryPoint refused)
            throws Exception {
        if (tokens != null) {
            http.oauth2ResourceServer(server -> {
                server.jwt(token -> token.decoder(tokens).jwtAuthenticationConverter(LedgerSecurity.converter(roleClaim)));
                if (badToken != null) {
                    server.authenticationEntryPoint(badToken);
                }
            });
        }
        if (demo != null) {
            http.authenticationProvider(demo.signIn(throttle)).httpBasic(basic -> basic.authenticationEntryPoint(refused));
        }
        return http;
    }
}
