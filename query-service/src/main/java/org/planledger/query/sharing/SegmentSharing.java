package org.planledger.query.sharing;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Shares the projections' segments among the query-service instances running on one database.
 * <p>
 * Axon's pooled processors claim every segment nobody holds, so the first instance to start would keep them all.
 * Every few seconds each instance says it is alive and counts the instances seen in the last ten seconds; one that
 * holds more than its share of a processor's segments (their number divided by the instances, rounded up) releases
 * the surplus, which another instance then claims. When an instance stops, its claims lapse and the others take its
 * segments: nobody holds more than a share while the others are alive, and nothing is left unclaimed.
 */
@Component
public class SegmentSharing {

    private static final Logger log = LoggerFactory.getLogger(SegmentSharing.class);

    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    public SegmentSharing(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Scheduled(initialDelayString = "${plan-ledger.projections.share-every}",
            fixedDelayString = "${plan-ledger.projections.share-every}")
    void share() {
        jdbc.sql("""
                        INSERT INTO query_instance (instance_id, seen_at) VALUES (?, now())
                        ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()""")
                .param(instance).update();
        jdbc.sql("DELETE FROM query_instance WHERE seen_at < now() - interval '1 hour'").update();
        int alive = jdbc.sql("SELECT count(*) FROM query_instance WHERE seen_at > now() - interval '10 seconds'")
                .query(Integer.class).single();
        Map<String, Integer> segmentsOf = jdbc.sql("SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (StreamingEventProcessor processor : processors()) {
            int segments = segmentsOf.getOrDefault(processor.getName(), 0);
            int share = (segments + alive - 1) / Math.max(1, alive);
            List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
            for (int segment : held.subList(Math.min(share, held.size()), held.size())) {
                log.info("{} holds {} of {} segments with {} instances alive; releasing segment {}",
                        processor.getName(), held.size(), segments, alive, segment);
                processor.releaseSegment(segment);
            }
        }
    }

    /**
     * Says this instance is gone, so that the others take its share at once rather than when its heartbeat lapses.
     * Worth a second at most: a stopping process whose database is gone or whose pool is spent must not wait for a
     * connection (the pool's 30 s), and the heartbeat lapses anyway.
     */
    @PreDestroy
    void leave() {
        try {
            CompletableFuture.runAsync(() -> jdbc.sql("DELETE FROM query_instance WHERE instance_id = ?")
                    .param(instance).update()).get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.info("Could not record that {} stopped; its heartbeat lapses in 10 s", instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
    }
}
