package org.planledger.web.security;

import org.springframework.security.authentication.AccountStatusException;

import java.time.Duration;

/**
 * A sign-in refused for too many failures under its name or from its address ({@link SignInThrottle}): its password
 * was not looked at, or its outcome is withheld. An account status exception, so no other authentication provider
 * is asked instead.
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
