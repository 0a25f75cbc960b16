package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrity endpoints over HTTP; EventChainTest tampers with the tables. */
@QueryServiceTest
class IntegrityTest {

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void verifiesTheChainAndProvesAKeptCheckpointAfterMoreEventsAreAppended() {
        ledger.append(new ActionPublished(new ActionRef("integrity-" + UUID.randomUUID().toString().substring(0, 8),
                "2023-11", 1), "A", "Action", null, null, null, ActionStatus.NOT_STARTED, List.of()), "secretariat");
        JsonNode kept = http.get().uri("/api/integrity/checkpoint").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        ledger.append(new ActionPublished(new ActionRef("integrity-" + UUID.randomUUID().toString().substring(0, 8),
                "2023-11", 1), "A", "Action", null, null, null, ActionStatus.NOT_STARTED, List.of()), "secretariat");

        http.get().uri("/api/integrity?checkpointPosition={p}&checkpointHash={h}", kept.get("position").asLong(),
                        kept.get("hash").asString()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.firstBrokenPosition").doesNotExist()
                .jsonPath("$.checkpointMatches").isEqualTo(true)
                .jsonPath("$.head.position").value(Long.class, head -> assertThat(head).isGreaterThan(kept.get("position").asLong()));
        http.get().uri("/api/integrity?checkpointPosition={p}&checkpointHash={h}", kept.get("position").asLong(),
                "0".repeat(64)).exchange()
                .expectBody().jsonPath("$.checkpointMatches").isEqualTo(false);
        Problems.expect(http, "/api/integrity?checkpointPosition=3", 400,
                "checkpointHash: give checkpointPosition and checkpointHash together");
        Problems.expect(http, "/api/integrity?checkpointPosition=3&checkpointHash=xyz", 400, null);
    }
}
