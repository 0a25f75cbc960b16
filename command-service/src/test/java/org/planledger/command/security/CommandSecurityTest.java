package org.planledger.command.security;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandEndpoints;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.planledger.web.openapi.ApiConformance;
import org.planledger.web.security.AccessMatrix;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may send which command: every command endpoint the service maps, asked by every role, and anonymously
 * against the security its OpenAPI description gives the endpoint. A permitted request
 * here is an empty body, so it is refused for what it says (400) rather than for who sent it, and nothing is
 * appended by any of them.
 */
@CommandServiceTest
class CommandSecurityTest {

    private static final List<String> ROLES = List.of("anonymous", "secretariat", "auditor", "chair-owner-body",
            "chair-other-body");

    @Autowired
    RestTestClient http;
    @Autowired
    StoredEvents stored;
    @Autowired
    Governance governance;
    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void walksEveryCommandEndpointWithEveryRole() {
        List<String> endpoints = CommandEndpoints.aimedAtNothing(mappings);
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(19);
        long before = stored.count();
        AccessMatrix matrix = new AccessMatrix();
        ApiConformance description = ApiConformance.of("http://localhost:" + port);
        for (String endpoint : endpoints) {
            boolean progress = endpoint.endsWith("/progress");
            // The OpenAPI description's security, derived from the rules, says what happens to an anonymous caller.
            boolean secured = description.describedAt("POST", endpoint).orElseThrow().secured();
            matrix.record(endpoint + " as described", secured ? "401" : AccessMatrix.ALLOWED,
                    post(endpoint, "anonymous", "{}"));
            for (String role : ROLES) {
                int status = post(endpoint, role, "{}");
                String expected = switch (role) {
                    case "anonymous" -> "401";
                    case "secretariat" -> AccessMatrix.ALLOWED;
                    case "chair-owner-body", "chair-other-body" -> progress ? AccessMatrix.ALLOWED : "403";
                    default -> "403";
                };
                matrix.record(endpoint + " as " + role, expected, status);
            }
        }
        matrix.assertAsExpected(endpoints.size(), ROLES.size());
        assertThat(stored.count()).as("events appended by the walk").isEqualTo(before);
    }

    @Test
    void aChairRecordsProgressOnlyOnWhatItsBodyOwnsNow() {
        String owner = governance.body("SHORT_LIFE_WORKING_GROUP");
        String other = governance.body("SHORT_LIFE_WORKING_GROUP");
        String plan = governance.plan("sec", 1, owner);
        String progress = "/api/plans/" + plan + "/versions/2023-11/actions/1/progress";

        assertThat(post(progress, "chair-" + owner, "{\"summary\": \"from the owner's chair\"}")).isEqualTo(201);
        http.post().uri(progress).header(HttpHeaders.AUTHORIZATION, TestIdentities.basic("chair-" + other))
                .contentType(MediaType.APPLICATION_JSON).body("{\"summary\": \"from another chair\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the chair of " + other
                        + " may record progress only on actions " + other + " owns; " + plan
                        + "/2023-11/1 is owned by " + owner);

        List<StoredEvents.Stored> events = stored.under(plan + "/2023-11/1");
        assertThat(events).extracting(StoredEvents.Stored::type).containsExactly("ActionPublished", "ProgressRecorded");
        assertThat(events.get(1).metadata()).containsEntry("actor", "chair-" + owner);
    }

    @Test
    void theActorIsTheSignedInUserWhateverTheRequestSays() {
        String plan = governance.plan("spoof", 1, null);
        String progress = "/api/plans/" + plan + "/versions/2023-11/actions/1/progress";

        http.post().uri(progress).contentType(MediaType.APPLICATION_JSON)
                .body("{\"summary\": \"x\", \"actor\": \"minister\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("actor");
        http.post().uri(progress).contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "minister").header("actor", "minister").header("X-Forwarded-User", "minister")
                .body("{\"summary\": \"signed in as the secretariat\"}").exchange()
                .expectStatus().isCreated();

        assertThat(stored.under(plan + "/2023-11/1")).allSatisfy(event ->
                assertThat(event.metadata()).containsEntry("actor", "secretariat"));
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownAccount() {
        http.post().uri("/api/bodies").header(HttpHeaders.AUTHORIZATION, "Basic c2VjcmV0YXJpYXQ6d3Jvbmc=")
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("wrong user name or password");
        assertThat(post("/api/bodies", "minister", "{}")).isEqualTo(401);
    }

    private int post(String path, String role, String body) {
        var request = role.equals("anonymous")
                ? RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build().post().uri(path)
                : http.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestIdentities.basic(role));
        return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange().returnResult(String.class)
                .getStatus().value();
    }
}
