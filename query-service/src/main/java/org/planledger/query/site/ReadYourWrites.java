package org.planledger.query.site;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * After a form's command is accepted, waits briefly until the read model shows its effect, so the page the browser
 * is sent to shows the change just made. If the projection is slower than that, the page still says the change was
 * recorded, and it appears on the next load.
 */
public final class ReadYourWrites {

    private static final Duration AT_MOST = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(20);

    private ReadYourWrites() {
    }

    public static void await(BooleanSupplier projected) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (!projected.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
