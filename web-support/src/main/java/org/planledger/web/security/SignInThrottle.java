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
 * nothing about which names exist. Each attempt is counted before its password is checked and handed back if it
 * succeeds, so attempts sent at once cannot pass the limit between them.
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
     * Counts an attempt to sign in as {@code account} from {@code address}.
     *
     * @throws SignInThrottled when either has used up its failures; nothing is counted then
     */
    public void attempt(String account, String address) {
        Instant now = clock.instant();
        Duration wait = accounts.take(account, now);
        if (wait.isZero()) {
            wait = addresses.take(address, now);
            if (!wait.isZero()) {
                accounts.giveBack(account);
            }
        }
        if (!wait.isZero()) {
            throw new SignInThrottled(wait);
        }
    }

    /** The attempt succeeded: its name starts afresh, and its address gets the attempt back. */
    public void succeeded(String account, String address) {
        accounts.forget(account);
        addresses.giveBack(address);
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

        /** Counts one for {@code key} and answers zero, or answers how long until it may try again. */
        Duration take(String key, Instant now) {
            if (windows.size() >= MAX_TRACKED) {
                windows.values().removeIf(open -> !open.endsAfter(now, window));
            }
            Duration[] wait = {Duration.ZERO};
            windows.compute(key, (k, open) -> {
                if (open == null || !open.endsAfter(now, window)) {
                    return windows.size() >= MAX_TRACKED ? null : new Window(now, 1);
                }
                if (open.failures() >= limit) {
                    Duration left = Duration.between(now, open.start().plus(window));
                    // Retry-After is in whole seconds: rounded up, so a client waiting that long is let in.
                    wait[0] = Duration.ofSeconds(left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
                    return open;
                }
                return new Window(open.start(), open.failures() + 1);
            });
            return wait[0];
        }

        void giveBack(String key) {
            windows.computeIfPresent(key, (k, open) ->
                    open.failures() <= 1 ? null : new Window(open.start(), open.failures() - 1));
        }

        void forget(String key) {
            windows.remove(key);
        }
    }

    private record Window(Instant start, int failures) {
        boolean endsAfter(Instant now, Duration length) {
            return start.plus(length).isAfter(now);
        }
    }
}
