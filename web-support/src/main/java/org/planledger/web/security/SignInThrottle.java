package org.planledger.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@code perAccount} failed sign-ins under one user name, or {@code perAddress} from
 * one client address, within a window, further attempts under that name or from that address are refused until the
 * window that began with the first failure ends. A name counts whether or not an account has it, so a refusal tells
 * nothing about which names exist.
 * <p>
 * An attempt is looked at twice: before its password is checked, when a name or address already refused is refused
 * at once; and after, when the outcome is counted, or withheld if the limit was reached meanwhile. Guesses sent all at
 * once are therefore all checked, but no more than the limit of them are answered with their outcome. Successes are
 * never counted, so however many requests a signed-in user sends at once, none is refused.
 * <p>
 * A success clears its name's count (only someone with the password can do that) but not its address's: one known
 * account must not buy an address more guesses at the others. Counts live in this process's memory.
 */
public final class SignInThrottle {

    /** Beyond this many names or addresses tracked, expired windows are dropped; past it still, new ones are not. */
    static final int MAX_TRACKED = 100_000;

    private final Counter accounts;
    private final Counter addresses;
    private final Clock clock;

    public SignInThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.accounts = new Counter(perAccount, window);
        this.addresses = new Counter(perAddress, window);
        this.clock = clock;
    }

    /**
     * Before the password is checked.
     *
     * @throws SignInThrottled when the name or the address has used up its failures
     */
    public void admit(String name, String address) {
        Instant now = clock.instant();
        Duration account = accounts.waiting(name, now);
        Duration client = addresses.waiting(address, now);
        refuseIfWaiting(account.compareTo(client) >= 0 ? account : client);
    }

    /**
     * After the password was checked: counts a failure, or clears the name after a success.
     *
     * @throws SignInThrottled when the name or the address used up its failures while this attempt was being
     *                         checked; its outcome is then withheld
     */
    public void settle(String name, String address, boolean succeeded) {
        Instant now = clock.instant();
        Duration wait = accounts.settle(name, now, succeeded);
        refuseIfWaiting(wait.isZero() ? addresses.settle(address, now, succeeded) : wait);
        if (succeeded) {
            accounts.forget(name);
        }
    }

    private static void refuseIfWaiting(Duration wait) {
        if (!wait.isZero()) {
            throw new SignInThrottled(wait);
        }
    }

    /** Failures counted within one window for each key (a name or an address). */
    private static final class Counter {
        private final int limit;
        private final Duration window;
        private final Map<String, Window> windows = new ConcurrentHashMap<>();

        Counter(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        /** How long until {@code key} may try again; zero if it may now. */
        Duration waiting(String key, Instant now) {
            Window open = windows.get(key);
            return open == null ? Duration.ZERO : open.waiting(now, window, limit);
        }

        /**
         * Unless {@code key} is refused, counts a failure for it (a success changes nothing). Answers how long until it
         * may try again: zero if it is not refused.
         */
        Duration settle(String key, Instant now, boolean success) {
            if (windows.size() >= MAX_TRACKED) {
                windows.values().removeIf(open -> !open.start().plus(window).isAfter(now));
            }
            Duration[] wait = {Duration.ZERO};
            windows.compute(key, (k, open) -> {
                if (open != null && !open.waiting(now, window, limit).isZero()) {
                    wait[0] = open.waiting(now, window, limit);
                    return open;
                }
                if (success) {
                    return open;
                }
                if (open == null || !open.start().plus(window).isAfter(now)) {
                    return windows.size() >= MAX_TRACKED ? null : new Window(now, 1);
                }
                return new Window(open.start(), open.failures() + 1);
            });
            return wait[0];
        }

        void forget(String key) {
            windows.remove(key);
        }
    }

    private record Window(Instant start, int failures) {
        /** Zero unless the limit is used up and the window still open; Retry-After is whole seconds, rounded up. */
        Duration waiting(Instant now, Duration length, int limit) {
            Duration left = Duration.between(now, start.plus(length));
            if (failures < limit || left.isNegative() || left.isZero()) {
                return Duration.ZERO;
            }
            return Duration.ofSeconds(left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
        }
    }
}
