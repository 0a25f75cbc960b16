package org.planledger.web.security;

import org.springframework.security.authentication.AccountStatusException;

import java.time.Duration;

/**
 * A sign-in refused before its password was looked at: too many failures under its name or from its address
 * ({@link SignInThrottle}). An account status exception, so no other authentication provider is asked instead.
 */
public final class SignInThrottled extends AccountStatusException {

    private final Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt is let in, in whole seconds. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
