package org.planledger.command.metadata;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it lost a race to append to its aggregate: another writer (this process or another
 * command service) stored the same sequence number first. Nothing of the losing attempt was stored, and the retry
 * is decided afresh against the state that won, so no acknowledged update is lost; a command whose If-Match named
 * the old version is then refused as stale. Any other failure is the answer and is not retried.
 */
final class ConcurrentWriteRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentWriteRetries.class);
    private static final int ATTEMPTS = 10;

    private final ScheduledExecutorService executor;

    ConcurrentWriteRetries(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatch) {
        if (failures.size() >= ATTEMPTS || !lostARace(lastFailure)) {
            return false;
        }
        log.info("{} lost a race to append to {}; sending it again (attempt {})", commandMessage.getCommandName(),
                lastFailure.getMessage(), failures.size() + 1);
        // Twice as long each time (5 ms, 10 ms, ... up to 320 ms) with full jitter, so rivals do not collide again in
        // step: under eight writers to one action across two processes, five quick retries were occasionally not enough.
        long ceiling = 5L << Math.min(failures.size() - 1, 6);
        long delay = ceiling / 2 + (long) (Math.random() * ceiling);
        executor.schedule(dispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
