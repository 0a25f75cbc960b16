package org.planledger.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.planledger.query.DeadLetters;
import org.planledger.query.StoredTokens;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Whether every projection is keeping up with the event store, and if not, which, where and why.
 * <p>
 * DOWN when a processor is stopped or failing, when one of its segments has been held by no instance for
 * {@link #UNCLAIMED_FOR} (no instance is projecting those events), or when it is behind the store and has not moved
 * for {@link #STUCK_AFTER}. DEGRADED when everything moves but some events are parked in the dead-letter queue: the
 * read models lack them (and, in that projection, the later events of the same aggregate) until they are retried or
 * evicted. Each processor's details name its position, the store's head, and the events or errors concerned.
 */
@Component("projections")
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    /** Everything moves, but some events are parked: the read models are incomplete. */
    public static final Status DEGRADED = new Status("DEGRADED", "some events are parked in the dead-letter queue");
    static final Duration UNCLAIMED_FOR = Duration.ofSeconds(15);
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);
    private static final int ERROR_TEXT = 300;

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine store;
    private final StoredTokens tokens;
    private final DeadLetters deadLetters;
    private final Clock clock;
    /** Per processor, the lowest position it had reached when last looked at, and since when. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public ProjectionsHealthIndicator(EventProcessingConfiguration processing, EventStorageEngine store,
                                      StoredTokens tokens, DeadLetters deadLetters, Clock clock) {
        super("The projections' processors cannot be inspected");
        this.processing = processing;
        this.store = store;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        long head = position(store.createHeadToken());
        Map<String, List<StoredTokens.Segment>> claims = tokens.all().stream()
                .collect(Collectors.groupingBy(StoredTokens.Segment::processor));
        Map<String, List<DeadLetters.Letter>> parked = deadLetters.all().stream()
                .collect(Collectors.groupingBy(DeadLetters.Letter::processingGroup));
        boolean down = false;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            String name = entry.getKey();
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            List<StoredTokens.Segment> stored = claims.getOrDefault(name, List.of());
            long position = lowest(segments, stored);
            List<String> problems = new ArrayList<>();
            if (!processor.isRunning()) {
                problems.add("stopped");
            }
            segments.forEach((segment, status) -> {
                if (status.isErrorState()) {
                    problems.add("segment " + segment + " failing at position " + status.getCurrentPosition().orElse(-1)
                            + ": " + text(status.getError()));
                }
            });
            stored.stream().filter(segment -> unheld(segment, now)).forEach(segment -> problems.add("segment "
                    + segment.segment() + " held by no instance since " + segment.claimedAt()));
            Instant stuckSince = stuckSince(name, position, head, now);
            if (stuckSince != null) {
                problems.add("behind the store (position " + position + ", head " + head + ") and not moving since "
                        + stuckSince);
            }
            down |= !problems.isEmpty();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("segments", stored.size());
            details.put("segmentsHeldHere", segments.size());
            details.put("position", position);
            details.put("head", head);
            boolean caughtUp = position >= head && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
            details.put("caughtUp", caughtUp);
            // Axon keeps a replay's token until an event past the replay arrives: caught up, it is replaying no more.
            details.put("replaying", !caughtUp && segments.values().stream().anyMatch(EventTrackerStatus::isReplaying));
            List<DeadLetters.Letter> letters = parked.getOrDefault(name, List.of());
            details.put("parked", letters.stream().map(ProjectionsHealthIndicator::describe).toList());
            details.put("problems", problems);
            processors.put(name, details);
        }
        Status status = down ? Status.DOWN : parked.isEmpty() ? Status.UP : DEGRADED;
        builder.status(status).withDetail("processors", processors);
    }

    /** The lowest position any segment has reached: the ones held here as they run, the others as last stored. */
    private static long lowest(Map<Integer, EventTrackerStatus> held, List<StoredTokens.Segment> stored) {
        OptionalLong lowest = stored.stream()
                .mapToLong(segment -> held.containsKey(segment.segment())
                        ? held.get(segment.segment()).getCurrentPosition().orElse(segment.reached())
                        : segment.reached())
                .min();
        return lowest.orElse(-1);
    }

    /**
     * Whether no instance has held this segment for {@link #UNCLAIMED_FOR}. An owner extends its claim every second
     * (ProjectionConfiguration), so a claim ten seconds old has lapsed; a released one has no owner.
     */
    private static boolean unheld(StoredTokens.Segment segment, Instant now) {
        Instant since = segment.claimedAt() == null ? Instant.EPOCH : segment.claimedAt();
        boolean lapsed = segment.owner() == null || since.plusSeconds(10).isBefore(now);
        return lapsed && since.plus(UNCLAIMED_FOR).isBefore(now);
    }

    /** When a processor behind the store last moved, if that is longer ago than {@link #STUCK_AFTER}. */
    private Instant stuckSince(String processor, long position, long head, Instant now) {
        Seen last = seen.compute(processor, (name, before) ->
                before == null || before.position() != position ? new Seen(position, now) : before);
        return position < head && last.since().plus(STUCK_AFTER).isBefore(now) ? last.since() : null;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static Map<String, Object> describe(DeadLetters.Letter letter) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", letter.id());
        described.put("position", letter.position());
        described.put("eventId", letter.eventId());
        described.put("eventType", letter.eventType());
        described.put("sequence", letter.sequence());
        // Health is public: PostgreSQL's own words are safe to show, a Java exception's are not (the secretariat sees
        // them at /api/admin/dead-letters).
        described.put("error", letter.cause() != null && letter.cause().contains("(SQLSTATE ") ? letter.cause()
                : "the projection could not handle this event; the secretariat sees why at /api/admin/dead-letters");
        described.put("parkedAt", letter.enqueuedAt());
        return described;
    }

    private static String text(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName()).lines()
                .findFirst().orElse("");
        return message.length() > ERROR_TEXT ? message.substring(0, ERROR_TEXT) + "…" : message;
    }

    private record Seen(long position, Instant since) {
    }
}
