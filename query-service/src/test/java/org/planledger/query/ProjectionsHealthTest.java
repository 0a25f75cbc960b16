package org.planledger.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.query.health.ProjectionsHealthIndicator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health is DOWN, naming the projection and why, when a processor stops, leaves its segments unheld, or stops moving. */
@QueryServiceTest
class ProjectionsHealthTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStorageEngine store;
    @Autowired
    StoredTokens tokens;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ProjectionsHealthIndicator live;
    @Autowired
    Ledger ledger;
    @Autowired
    RestTestClient http;

    @Test
    void upWhileEveryProjectionKeepsUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> live.health(true).getStatus().equals(Status.UP));
        assertThat(processors(live.health(true))).containsKeys("plan-status", "change-log", "governance")
                .allSatisfy((name, details) -> assertThat(details).containsEntry("running", true)
                        .containsEntry("problems", List.of()).containsEntry("parked", List.of()));
    }

    @Test
    void downNamingTheProjectionWhenItsProcessorStopsLeavesItsSegmentsOrStopsMoving() {
        Later clock = new Later();
        ProjectionsHealthIndicator health = new ProjectionsHealthIndicator(processing, store, tokens, deadLetters, clock);
        StreamingEventProcessor governance = (StreamingEventProcessor) processing.eventProcessor("governance").orElseThrow();
        governance.shutDown();
        try {
            ledger.append(new BodyEstablished("unwatched-" + UUID.randomUUID().toString().substring(0, 8),
                    BodyKind.NETWORK, "A network", null, null, null), "secretariat");
            Health stopped = health.health(true);
            assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
            assertThat(problems(stopped, "governance")).contains("stopped");
            assertThat(problems(stopped, "plan-status")).isEmpty();
            // DOWN is a 503 to anything that reads only the status code (the mapping that adds DEGRADED keeps it).
            http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");

            // Twenty seconds on, nobody has held its segments, and it has not moved while the store has.
            clock.advance(Duration.ofSeconds(31));
            Health later = health.health(true);
            assertThat(problems(later, "governance"))
                    .anySatisfy(problem -> assertThat(problem).startsWith("segment 0 held by no instance since"))
                    .anySatisfy(problem -> assertThat(problem).startsWith("behind the store (position"));
            Map<String, Object> details = processors(later).get("governance");
            assertThat((long) (Long) details.get("position")).isLessThan((Long) details.get("head"));
        } finally {
            governance.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> live.health(true).getStatus().equals(Status.UP));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> processors(Health health) {
        return (Map<String, Map<String, Object>>) health.getDetails().get("processors");
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Health health, String processor) {
        return (List<String>) processors(health).get(processor).get("problems");
    }

    /** The system clock, moved on by as much as a test says. */
    private static final class Later extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
