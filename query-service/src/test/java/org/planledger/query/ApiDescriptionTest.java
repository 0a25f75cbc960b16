package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.ChairAppointed;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MinuteItem;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.Person;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.web.openapi.ApiConformance;
import org.planledger.web.openapi.CheckedAnswers;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI description the service serves is valid OpenAPI 3.0 and keeps the rules docs/api.md sets for it, and
 * every operation answers as it says, when it succeeds and when it refuses: each answer below is validated against
 * it by an independent validator ({@link ApiConformance}; every other test's answers are too, through the shared
 * HTTP client).
 */
@QueryServiceTest
class ApiDescriptionTest {

    /** Whose successes other tests get, as they change what every test shares (ReplayTest, DeadLetterTest). */
    private static final Set<String> SUCCEED_ELSEWHERE = Set.of("startReplay", "stopProcessors", "startProcessors",
            "retryDeadLetter", "evictDeadLetter");
    private static final Map<String, String> USERS = Map.of("SECRETARIAT", "secretariat", "AUDITOR", "auditor",
            "CHAIR", "chair-slwg-a");

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;
    @LocalServerPort
    int port;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "described-" + id;
    private final String body = "body-" + id;
    private final String meeting = "meeting-" + id;
    private final ActionRef action = new ActionRef(plan, "2023-11", 1);

    @Test
    void describesItselfInValidOpenApi30ThatKeepsItsRules() {
        ApiConformance api = ApiConformance.of(origin());
        assertThat(api.parserMessages()).as("the OpenAPI parser's messages").isEmpty();
        assertThat(api.breaches()).as("rules the description breaks").isEmpty();
        assertThat(api.operationIds()).hasSize(25);
    }

    @Test
    void everyOperationAnswersAsDescribedWhenItSucceedsAndWhenItRefuses() {
        ApiConformance api = ApiConformance.of(origin());
        record();

        Map<String, Set<Integer>> answered = new TreeMap<>();
        Map<String, String> successes = new LinkedHashMap<>();
        successes.put("GET /api/plans", null);
        successes.put("GET /api/plans/" + plan + "/status", null);
        successes.put("GET /api/plans/" + plan + "/diff?from=2023-01-01&to=2030-01-01", null);
        successes.put("GET /api/plans/" + plan + "/versions/2023-11/actions/1", null);
        successes.put("GET /api/plans/" + plan + "/versions/2023-11/actions/1/history", null);
        successes.put("GET /api/plans/" + plan + "/report?format=md", null);
        successes.put("GET /api/bodies", null);
        successes.put("GET /api/bodies/" + body, null);
        successes.put("GET /api/bodies/" + body + "/accountability", "auditor");
        successes.put("GET /api/people/p-ash", "chair-slwg-a");
        successes.put("GET /api/meetings", "auditor");
        successes.put("GET /api/meetings/" + meeting, "auditor");
        successes.put("GET /api/meetings/" + meeting + "/traceability", "auditor");
        successes.put("GET /api/decisions/" + meeting + "-D1", "auditor");
        successes.put("GET /api/traceability", "auditor");
        successes.put("GET /api/audit?limit=2", "auditor");
        successes.put("GET /api/integrity", "auditor");
        successes.put("GET /api/integrity/checkpoint", "auditor");
        successes.put("GET /api/admin/replay", "secretariat");
        successes.put("GET /api/admin/dead-letters", "secretariat");
        // Once every projection has the events, each of these succeeds (every answer on the way is validated too).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> successes.forEach((request, user) -> {
            String[] parts = request.split(" ", 2);
            int status = status(parts[0], parts[1], user);
            assertThat(status).as(request).isBetween(200, 299);
            answered.computeIfAbsent(api.operationId(parts[0], parts[1].split("\\?")[0]).orElseThrow(),
                    o -> new TreeSet<>()).add(status);
        }));

        for (ApiConformance.Described operation : api.described()) {
            String path = operation.path().replace("{planId}", plan).replace("{versionId}", "2023-11")
                    .replace("{number}", "1").replace("{bodyId}", body).replace("{meetingId}", meeting)
                    .replace("{decisionId}", meeting + "-D1").replace("{personId}", "p-ash")
                    .replace("{id}", UUID.randomUUID().toString());
            String user = operation.secured() ? USERS.get(operation.roles().get(0)) : null;
            Set<Integer> statuses = answered.computeIfAbsent(operation.operationId(), o -> new TreeSet<>());
            statuses.add(status(operation.method(), path, user, "text/plain"));
            if (operation.secured()) {
                statuses.add(status(operation.method(), path, null));
            }
        }
        assertThat(answered).as("statuses validated, by operation").hasSize(25).allSatisfy((operation, statuses) -> {
            assertThat(statuses).as(operation).anyMatch(status -> status >= 400 && status < 500);
            if (!SUCCEED_ELSEWHERE.contains(operation)) {
                assertThat(statuses).as(operation).anyMatch(status -> status < 300);
            }
        });
        assertThat(api.mismatches()).isEmpty();
        System.out.printf("OpenAPI: %d operations, %d answers of them validated in this service's tests so far%n",
                answered.size(), api.validatedCount());
    }

    private void record() {
        ledger.append(new BodyEstablished(body, BodyKind.SHORT_LIFE_WORKING_GROUP, "Group", "A remit", "A",
                LocalDate.of(2022, 10, 1)), "secretariat", LocalDate.of(2022, 10, 1), Map.of());
        ledger.append(new ChairAppointed(body, new Person("p-ash", "Ash"), null), "secretariat");
        ledger.append(new PlanVersionPublished(plan, "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(new Aim("A", "Person Centred Care", "statement A"))), "secretariat", LocalDate.of(2023, 11, 1),
                Map.of());
        ledger.append(new ActionPublished(action, "A", "An action", null, Timeframe.SHORT, body,
                ActionStatus.NOT_STARTED, List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ProgressRecorded(action, "A first step", List.of()), "p-ash");
        ledger.append(new MeetingScheduled(meeting, body, LocalDate.of(2024, 1, 15), "January"), "secretariat");
        ledger.append(new AttendanceRecorded(meeting, List.of(new Person("p-ash", "Ash")), List.of()), "secretariat");
        ledger.append(new MinutesDrafted(meeting, List.of(new MinuteItem(1, "Aim A", "Agreed"))), "secretariat");
        ledger.append(new DecisionRecorded(meeting + "-D1", meeting, "The group takes the action", List.of(action)),
                "secretariat");
    }

    private int status(String method, String path, String user) {
        return status(method, path, user, null);
    }

    /** Through a client that checks the answer against the description; anonymous when {@code user} is null. */
    private int status(String method, String path, String user, String accept) {
        RestTestClient client = user == null
                ? RestTestClient.bindToServer().baseUrl(origin()).requestInterceptor(CheckedAnswers.interceptor())
                        .build()
                : http;
        var request = client.method(HttpMethod.valueOf(method)).uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, TestIdentities.basic(user));
        }
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return request.exchange().returnResult(byte[].class).getStatus().value();
    }

    private String origin() {
        return "http://localhost:" + port;
    }
}
