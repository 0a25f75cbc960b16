package org.planledger.command.idempotency;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key: a repeat gets the first answer and appends nothing; the same key for another request is refused. */
@CommandServiceTest
class IdempotencyTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RestTestClient http;
    @Autowired
    StoredEvents stored;
    @Autowired
    Governance governance;

    @Test
    void aRepeatGetsTheFirstAnswerAndAppendsNothing() {
        String plan = governance.plan("idem", 2, null);
        String key = UUID.randomUUID().toString();

        Map<String, Object> first = progress(plan, key, "{\"summary\": \"once\"}")
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        // The same request, its JSON spaced and ordered differently.
        Map<String, Object> repeat = progress(plan, key, "{ \"summary\" : \"once\" }")
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(repeat).isEqualTo(first);
        assertThat(stored.under(plan + "/2023-11/1")).extracting(StoredEvents.Stored::type)
                .containsExactly("ActionPublished", "ProgressRecorded");
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndAppendsNothing() {
        String plan = governance.plan("idem", 2, null);
        String key = UUID.randomUUID().toString();
        progress(plan, key, "{\"summary\": \"first\"}").expectStatus().isCreated();

        progress(plan, key, "{\"summary\": \"something else\"}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:plan-ledger:problem:idempotency-key-reused")
                .jsonPath("$.detail").isEqualTo("Idempotency-Key '" + key
                        + "' was first used for a different request; use a new key for a new request");
        http.post().uri("/api/plans/{plan}/versions/2023-11/actions/2/progress", plan)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).body("{\"summary\": \"first\"}")
                .exchange().expectStatus().isEqualTo(422);

        assertThat(stored.under(plan + "/2023-11/1")).extracting(StoredEvents.Stored::type)
                .containsExactly("ActionPublished", "ProgressRecorded");
        assertThat(stored.under(plan + "/2023-11/2")).extracting(StoredEvents.Stored::type)
                .containsExactly("ActionPublished");
    }

    @Test
    void requestsWithOneKeyAtTheSameMomentAppendOnceAndAllGetTheFirstAnswer() throws Exception {
        String plan = governance.plan("idem", 2, null);
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> progress(plan, key, "{\"summary\": \"racing\"}")
                        .expectStatus().isCreated()
                        .expectBody(JSON_OBJECT).returnResult().getResponseBody(), clients));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        } finally {
            clients.shutdown();
        }

        assertThat(answers.stream().map(CompletableFuture::join).map(answer -> answer.get("commandId")).distinct()).hasSize(1);
        assertThat(stored.under(plan + "/2023-11/1")).extracting(StoredEvents.Stored::type)
                .containsExactly("ActionPublished", "ProgressRecorded");
    }

    @Test
    void refusesAMalformedKey() {
        String plan = governance.plan("idem", 2, null);
        progress(plan, "not a key!", "{\"summary\": \"x\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(stored.under(plan + "/2023-11/1")).hasSize(1);
    }

    private RestTestClient.ResponseSpec progress(String plan, String key, String body) {
        return http.post().uri("/api/plans/{plan}/versions/2023-11/actions/1/progress", plan)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).body(body).exchange();
    }
}
