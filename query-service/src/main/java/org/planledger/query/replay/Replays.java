package org.planledger.query.replay;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.planledger.query.StoredTokens;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds every read model from the event store, and says whether one is being rebuilt.
 * <p>
 * A replay stops this instance's processors, resets their tokens (Axon runs each projection's reset handler, which
 * empties its tables, and stores replay tokens, in one transaction), and starts them again. Until every processor
 * has passed the position the store had reached at the reset, the read models are incomplete and the query API
 * answers 503. The state is read from the token table, so every instance sharing it answers 503 too.
 */
@Service
public class Replays {

    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    private final Clock clock;
    private final AtomicBoolean resetting = new AtomicBoolean();
    private volatile Instant checkedAt = Instant.MIN;
    private volatile boolean replaying;

    public Replays(EventProcessingConfiguration processing, StoredTokens tokens, Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Resets every projection and starts rebuilding it. Refused if another instance still holds a processor's
     * segments: stop its processors first (see docs/architecture.md).
     */
    public void replayAll() {
        if (!resetting.compareAndSet(false, true)) {
            throw new ReplayRefused("a replay is already being started");
        }
        List<StreamingEventProcessor> processors = processors();
        try {
            processors.forEach(StreamingEventProcessor::shutDown);
            for (StreamingEventProcessor processor : processors) {
                processor.resetTokens();
            }
        } catch (UnableToClaimTokenException e) {
            throw new ReplayRefused("another query-service instance holds segments of a projection; stop the "
                    + "processors there (POST /api/admin/processors/stop) and try again");
        } finally {
            processors.forEach(StreamingEventProcessor::start);
            checkedAt = Instant.MIN;
            resetting.set(false);
        }
    }

    public void stopAll() {
        processors().forEach(StreamingEventProcessor::shutDown);
    }

    public void startAll() {
        processors().forEach(StreamingEventProcessor::start);
    }

    /** Whether some projection is being reset or has not yet caught up with its replay (checked at most every 200 ms). */
    public boolean inProgress() {
        if (resetting.get()) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isAfter(checkedAt.plus(CHECK_EVERY))) {
            replaying = !unfinished().isEmpty();
            checkedAt = now;
        }
        return replaying;
    }

    /** Each processor still replaying, with the position its slowest segment has reached and the one it must reach. */
    public Map<String, Progress> unfinished() {
        Map<String, Progress> unfinished = new LinkedHashMap<>();
        tokens.all().forEach(segment -> {
            if (segment.token() instanceof ReplayToken replay) {
                long target = replay.getTokenAtReset().position().orElse(-1);
                if (segment.reached() < target) {
                    unfinished.merge(segment.processor(), new Progress(segment.reached(), target),
                            (a, b) -> new Progress(Math.min(a.reached(), b.reached()), a.target()));
                }
            }
        });
        return unfinished;
    }

    /**
     * The position up to which every segment of every one of {@code processors} has handled the events (-1 when
     * one has handled none): what read models built by those processors reflect at least.
     */
    public long handledUpTo(Collection<String> processors) {
        long lowest = Long.MAX_VALUE;
        boolean any = false;
        for (StoredTokens.Segment segment : tokens.all()) {
            if (segment.token() != null && processors.contains(segment.processor())) {
                lowest = Math.min(lowest, segment.reached());
                any = true;
            }
        }
        return any ? lowest : -1;
    }

    private List<StreamingEventProcessor> processors() {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        processing.eventProcessors().values().forEach(p -> {
            if (p instanceof StreamingEventProcessor streaming) {
                processors.add(streaming);
            }
        });
        return processors;
    }

    @Schema(name = "ReplayProgress")
    public record Progress(long reached, long target) {
    }
}
