package org.planledger.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections read it: streams straight from the storage engine, and a prompt to each
 * pooled processor when events past its position have been appended, by this process or any other.
 * <p>
 * Axon's pooled coordinator, given a stream that cannot say when events arrive, looks again only every 500 ms.
 * Here one indexed {@code max(global_index)} query per tick (and only while streams are open) finds new events,
 * and the coordinator reads them at once. Every second every stream is prompted regardless, so that an event
 * committed late into a gap below the head is not left for the coordinator's own five-second check.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);
    private static final Duration NUDGE_EVERY = Duration.ofSeconds(1);

    private final EventStorageEngine storageEngine;
    private final long tickMillis;
    private final Set<StoreStream> streams = ConcurrentHashMap.newKeySet();
    private final Object headMoved = new Object();
    private final ScheduledExecutorService ticker;
    private volatile Instant lastNudge = Instant.now();

    public PromptEventSource(EventStorageEngine storageEngine, Duration tick) {
        this.storageEngine = storageEngine;
        this.tickMillis = tick.toMillis();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-source-prompt");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::promptStreamsBehindTheHead, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        StoreStream stream = new StoreStream(trackingToken);
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return storageEngine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storageEngine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageEngine.createTokenAt(dateTime);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }

    private void promptStreamsBehindTheHead() {
        if (streams.isEmpty()) {
            return;
        }
        try {
            long head = position(storageEngine.createHeadToken());
            boolean nudge = Instant.now().isAfter(lastNudge.plus(NUDGE_EVERY));
            if (nudge) {
                lastNudge = Instant.now();
            }
            boolean anyBehind = false;
            for (StoreStream stream : streams) {
                if (nudge || stream.position < head) {
                    anyBehind = true;
                    stream.prompt();
                }
            }
            if (anyBehind) {
                synchronized (headMoved) {
                    headMoved.notifyAll();
                }
            }
        } catch (RuntimeException e) {
            // The store may be briefly unreachable; the coordinator's own checks carry on, and so do we.
            log.debug("Could not read the head of the event store", e);
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** One processor's stream: reads batches from the store after its last token, and knows whom to prompt. */
    private final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {

        private TrackingToken lastToken;
        private Iterator<? extends TrackedEventMessage<?>> batch = Collections.emptyIterator();
        private TrackedEventMessage<?> next;
        private volatile long position;
        private volatile Runnable onAvailable;

        private StoreStream(TrackingToken from) {
            this.lastToken = from;
            this.position = position(from);
        }

        void prompt() {
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        /** Whether an event is waiting, reading the store once more if the current batch is used up. */
        private boolean fill() {
            if (next == null && !batch.hasNext()) {
                batch = storageEngine.readEvents(lastToken, false).iterator();
            }
            if (next == null && batch.hasNext()) {
                next = batch.next();
            }
            return next != null;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fill() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!fill()) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                synchronized (headMoved) {
                    headMoved.wait(Math.min(remaining, tickMillis));
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the caller asked for the next event, whenever it comes
            }
            TrackedEventMessage<?> event = next;
            next = null;
            lastToken = event.trackingToken();
            position = Math.max(position, position(lastToken));
            return event;
        }

        @Override
        public void close() {
            streams.remove(this);
        }
    }
}
