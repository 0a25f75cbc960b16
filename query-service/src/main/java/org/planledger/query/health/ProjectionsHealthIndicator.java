package org.planledger.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The state of each projection's processor: running or not, the segments this instance holds, whether they have
 * caught up with the event store and the lowest position they have reached. Down if any is stopped or failing.
 */
@Component("projections")
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public ProjectionsHealthIndicator(EventProcessingConfiguration processing) {
        super("The projections' processors cannot be inspected");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            boolean failing = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
            healthy &= processor.isRunning() && !failing;
            OptionalLong position = segments.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .min();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("failing", failing);
            details.put("segmentsClaimed", segments.size());
            details.put("caughtUp", segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
            details.put("replaying", segments.values().stream().anyMatch(EventTrackerStatus::isReplaying));
            details.put("position", position.isPresent() ? position.getAsLong() : -1);
            processors.put(entry.getKey(), details);
        }
        (healthy ? builder.up() : builder.down()).withDetail("processors", processors);
    }
}
