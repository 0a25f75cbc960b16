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

        // From any address, and before any password is looked at.
        assertThatThrownBy(() -> throttle.admit("secretariat", "10.0.0.4")).isInstanceOfSatisfying(SignInThrottled.class,
                refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        clock.pass(Duration.ofMinutes(10).minusMillis(1));
        assertThatThrownBy(() -> throttle.admit("secretariat", "10.0.0.4")).isInstanceOfSatisfying(SignInThrottled.class,
                refused -> assertThat(refused.retryAfter()).as("rounded up to a whole second").isEqualTo(Duration.ofSeconds(1)));
        clock.pass(Duration.ofMillis(1));
        assertThatCode(() -> throttle.admit("secretariat", "10.0.0.4")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAddressAfterItsFailuresWhateverTheNames() {
        for (int i = 0; i < 5; i++) {
            fail("nobody-" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.admit("secretariat", "10.0.0.9")).isInstanceOf(SignInThrottled.class);
        // The refusal counted nothing against the name: it signs in from elsewhere.
        for (int i = 0; i < 3; i++) {
            succeed("secretariat", "10.0.0.10");
        }
    }

    @Test
    void aSuccessClearsItsNameButNotItsAddress() {
        fail("auditor", "10.0.0.20");
        fail("auditor", "10.0.0.20");
        succeed("auditor", "10.0.0.20");
        fail("auditor", "10.0.0.20");
        fail("auditor", "10.0.0.20");
        // Four failures from the address and two under the name since its success: one more, and the address is done.
        fail("chair-a", "10.0.0.20");
        assertThatThrownBy(() -> throttle.admit("auditor", "10.0.0.20")).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void guessesSentAtOnceAreAnsweredNoFurtherThanTheLimit() {
        for (int i = 0; i < 6; i++) {
            throttle.admit("secretariat", "10.0.1." + i);
        }
        // All six were let in before any was checked; only the first three failures are answered.
        for (int i = 0; i < 3; i++) {
            throttle.settle("secretariat", "10.0.1." + i, false);
        }
        assertThatThrownBy(() -> throttle.settle("secretariat", "10.0.1.3", false)).isInstanceOf(SignInThrottled.class);
        assertThatThrownBy(() -> throttle.settle("secretariat", "10.0.1.4", true))
                .as("even the right password, once the limit is reached").isInstanceOf(SignInThrottled.class);
    }

    @Test
    void requestsSignedInAtOnceAreNeverRefused() {
        for (int i = 0; i < 100; i++) {
            throttle.admit("secretariat", "10.0.2.1");
        }
        for (int i = 0; i < 100; i++) {
            throttle.settle("secretariat", "10.0.2.1", true);
        }
        assertThatCode(() -> throttle.admit("secretariat", "10.0.2.1")).doesNotThrowAnyException();
    }

    private void fail(String name, String address) {
        throttle.admit(name, address);
        throttle.settle(name, address, false);
    }

    private void succeed(String name, String address) {
        throttle.admit(name, address);
        throttle.settle(name, address, true);
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
