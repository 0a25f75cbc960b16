package org.planledger.command;

import org.junit.jupiter.api.Test;
import org.planledger.web.openapi.ApiConformance;
import org.planledger.web.openapi.CheckedAnswers;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description the service serves is valid OpenAPI 3.0 and keeps the rules docs/api.md sets for it, and
 * every command answers as it says when it refuses; the commands below, and every other test's, as they succeed.
 * Each answer is validated against it by an independent validator ({@link ApiConformance}) through the shared HTTP
 * client.
 */
@CommandServiceTest
class ApiDescriptionTest {

    @Autowired
    RestTestClient http;
    @Autowired
    Governance governance;
    @Autowired
    StoredEvents stored;
    @LocalServerPort
    int port;

    @Test
    void describesItselfInValidOpenApi30ThatKeepsItsRules() {
        ApiConformance api = ApiConformance.of(origin());
        assertThat(api.parserMessages()).as("the OpenAPI parser's messages").isEmpty();
        assertThat(api.breaches()).as("rules the description breaks").isEmpty();
        assertThat(api.operationIds()).hasSize(19);
    }

    @Test
    void everyCommandAnswersAsDescribedWhenItSucceedsAndWhenItRefuses() {
        ApiConformance api = ApiConformance.of(origin());
        String body = governance.body("SHORT_LIFE_WORKING_GROUP");
        String plan = governance.plan("described", 1, body);
        String meeting = governance.meeting(body, LocalDate.of(2024, 1, 15));
        governance.decision(meeting, plan + "/2023-11/1");
        assertThat(post("/api/plans/" + plan + "/versions/2023-11/actions/1/progress",
                "{\"summary\": \"A first step\"}", "secretariat", null)).isEqualTo(201);
        long before = stored.count();

        Map<String, Set<Integer>> refusals = new TreeMap<>();
        for (ApiConformance.Described command : api.described()) {
            String path = command.path().replace("{planId}", plan).replace("{versionId}", "2023-11")
                    .replace("{number}", "1").replace("{bodyId}", body).replace("{meetingId}", meeting)
                    .replace("{personId}", "p-nobody");
            Set<Integer> statuses = refusals.computeIfAbsent(command.operationId(), c -> new TreeSet<>());
            statuses.add(post(path, "{}", "secretariat", "text/plain"));
            statuses.add(post(path, "{}", null, null));
        }
        assertThat(refusals).as("refusals validated, by command").hasSize(19)
                .allSatisfy((command, statuses) -> assertThat(statuses).as(command).containsExactly(401, 406));
        assertThat(stored.count()).as("events appended by the refusals").isEqualTo(before);
        assertThat(api.validated()).as("statuses validated so far, by command")
                .containsKeys("publishPlanVersion", "establishBody", "scheduleMeeting", "recordDecision",
                        "recordProgress")
                .allSatisfy((command, statuses) -> assertThat(statuses).as(command).anyMatch(status -> status >= 400));
        assertThat(api.mismatches()).isEmpty();
        System.out.printf("OpenAPI: %d commands, %d answers of them validated in this service's tests so far%n",
                refusals.size(), api.validatedCount());
    }

    /** Through a client that checks the answer against the description; anonymous when {@code user} is null. */
    private int post(String path, String body, String user, String accept) {
        RestTestClient client = user == null
                ? RestTestClient.bindToServer().baseUrl(origin()).requestInterceptor(CheckedAnswers.interceptor())
                        .build()
                : http;
        var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, TestIdentities.basic(user));
        }
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return request.body(body).exchange().returnResult(byte[].class).getStatus().value();
    }

    private String origin() {
        return "http://localhost:" + port;
    }
}
