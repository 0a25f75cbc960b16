package org.planledger.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections read it, plus a prompt: it tells each pooled processor when events past its
 * position have been appended (by any process). Without that signal Axon's pooled coordinator looks for new events
 * only every 500 ms; with it a change reaches the read models within about two polls of the store.
 * <p>
 * One indexed {@code max(global_index)} query per tick, and only while processors have streams open. Every second
 * every stream is prompted regardless, so that an event committed late into a gap below the head is not left
 * waiting for the coordinator's own five-second check.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);
    private static final Duration NUDGE_EVERY = Duration.ofSeconds(1);

    private final EventStore eventStore;
    private final EventStorageEngine storageEngine;
    private final Set<PromptedStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private volatile Instant lastNudge = Instant.now();

    public PromptEventSource(EventStore eventStore, EventStorageEngine storageEngine, Duration tick) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-source-prompt");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::promptStreamsBehindTheHead, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        PromptedStream stream = new PromptedStream(eventStore.openStream(trackingToken), position(trackingToken));
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
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
            for (PromptedStream stream : streams) {
                if (nudge || stream.position < head) {
                    stream.prompt();
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

    /** A processor's stream, which remembers how far its reader got and whom to tell about more. */
    private final class PromptedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile long position;
        private volatile Runnable onAvailable;

        private PromptedStream(BlockingStream<TrackedEventMessage<?>> delegate, long position) {
            this.delegate = delegate;
            this.position = position;
        }

        void prompt() {
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = delegate.nextAvailable();
            position = Math.max(position, position(event.trackingToken()));
            return event;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
