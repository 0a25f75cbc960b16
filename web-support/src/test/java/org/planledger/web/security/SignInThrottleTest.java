package org.planledger.web.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle's rules, on a clock the test moves. */
class SignInThrottleTest {

    private final Turning clock = new Turning(Instant.parse("2026-01-05T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void refusesANameAfterItsFailuresUntilTheWindowFromTheFirstEnds() {
        fail("secretariat", "10.0.0.1");
        clock.pass(Duration.ofMinutes(5));
        fail("secretariat", "10.0.0.2");
        fail("secretariat", "10.0.0.3");

        // From any address, and whatever the password would have been: it is not looked at.
        assertThatThrownBy(() -> throttle.attempt("secretariat", "10.0.0.4")).isInstanceOfSatisfying(SignInThrottled.class,
                refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        clock.pass(Duration.ofMinutes(10).minusMillis(1));
        assertThatThrownBy(() -> throttle.attempt("secretariat", "10.0.0.4")).isInstanceOfSatisfying(SignInThrottled.class,
                refused -> assertThat(refused.retryAfter()).as("rounded up to a whole second").isEqualTo(Duration.ofSeconds(1)));
        clock.pass(Duration.ofMillis(1));
        assertThatCode(() -> throttle.attempt("secretariat", "10.0.0.4")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAddressAfterItsFailuresWhateverTheNames() {
        for (int i = 0; i < 5; i++) {
            fail("nobody-" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.attempt("secretariat", "10.0.0.9")).isInstanceOf(SignInThrottled.class);
        // The refusal counted nothing against the name: it may still sign in from elsewhere.
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.attempt("secretariat", "10.0.0.10")).doesNotThrowAnyException();
            throttle.succeeded("secretariat", "10.0.0.10");
        }
    }

    @Test
    void aSuccessClearsItsNameButGivesItsAddressBackOnlyItsOwnAttempt() {
        fail("auditor", "10.0.0.20");
        fail("auditor", "10.0.0.20");
        throttle.attempt("auditor", "10.0.0.20");
        throttle.succeeded("auditor", "10.0.0.20");
        fail("auditor", "10.0.0.20");
        fail("auditor", "10.0.0.20");
        // Four failures from the address: one more is allowed, then it is refused whichever account succeeds there.
        fail("chair-a", "10.0.0.20");
        assertThatThrownBy(() -> throttle.attempt("auditor", "10.0.0.20")).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void attemptsInFlightCountBeforeTheirPasswordsAreChecked() {
        // Three attempts begun at once, none finished: a fourth is refused.
        throttle.attempt("secretariat", "10.0.0.30");
        throttle.attempt("secretariat", "10.0.0.31");
        throttle.attempt("secretariat", "10.0.0.32");
        assertThatThrownBy(() -> throttle.attempt("secretariat", "10.0.0.33")).isInstanceOf(SignInThrottled.class);
    }

    private void fail(String name, String address) {
        // An attempt that is never reported as a success is a failure.
        throttle.attempt(name, address);
    }

    /** A clock the test turns forward. */
    private static final class Turning extends Clock {
        private Instant now;

        Turning(Instant now) {
            this.now = now;
        }

        void pass(Duration time) {
            now = now.plus(time);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
