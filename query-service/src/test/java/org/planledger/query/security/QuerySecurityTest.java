package org.planledger.query.security;

import org.junit.jupiter.api.Test;
import org.planledger.query.QueryServiceTest;
import org.planledger.web.openapi.ApiConformance;
import org.planledger.web.security.AccessMatrix;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read what: every endpoint the query service maps under /api, asked by every role, against the policy in
 * docs/security.md written out here independently of the service's configuration; and anonymously, against the
 * security its OpenAPI description gives the endpoint.
 */
@QueryServiceTest
class QuerySecurityTest {

    private static final List<String> ROLES = List.of("anonymous", "secretariat", "auditor", "chair-slwg-a");

    @Autowired
    RestTestClient http;
    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void walksEveryQueryEndpointWithEveryRole() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(20);
        AccessMatrix matrix = new AccessMatrix();
        ApiConformance description = ApiConformance.of("http://localhost:" + port);
        for (Endpoint endpoint : endpoints) {
            Set<String> allowed = allowed(endpoint.pattern());
            // The OpenAPI description's security, derived from the rules, says what happens to an anonymous caller.
            boolean secured = description.describedAt(endpoint.method().name(),
                                                      endpoint.path()).orElseThrow().secured();
            matrix.record(endpoint + " as described", secured ? "401" : AccessMatrix.ALLOWED,
                    request(endpoint, "anonymous"));
            for (String role : ROLES) {
                String expected = allowed.contains(role) || allowed.contains("anyone") ? AccessMatrix.ALLOWED
                        : role.equals("anonymous") ? "401" : "403";
                if (endpoint.method() == HttpMethod.POST && expected.equals(AccessMatrix.ALLOWED)) {
                    continue; // stopping the processors or replaying is ReplayTest's business
                }
                matrix.record(endpoint + " as " + role, expected, request(endpoint, role));
            }
        }
        matrix.assertAsExpected(endpoints.size(), ROLES.size());
    }

    /** The policy: who may call each endpoint. */
    private static Set<String> allowed(String pattern) {
        Set<String> staff = Set.of("secretariat", "auditor", "chair-slwg-a");
        if (pattern.startsWith("/api/admin/")) {
            return Set.of("secretariat");
        }
        if (pattern.equals("/api/audit") || pattern.equals("/api/traceability") || pattern.endsWith("/traceability")
                || pattern.startsWith("/api/integrity")) {
            return Set.of("auditor");
        }
        if (pattern.endsWith("/accountability") || pattern.startsWith("/api/people/") || pattern.startsWith("/api/meetings")
                || pattern.startsWith("/api/decisions/")) {
            return staff;
        }
        if (pattern.startsWith("/api/plans") || pattern.equals("/api/bodies") || pattern.equals("/api/bodies/{bodyId}")) {
            return Set.of("anyone");
        }
        throw new AssertionError("no policy written down for " + pattern);
    }

    private int request(Endpoint endpoint, String role) {
        RestTestClient client = role.equals("anonymous")
                ? RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                : http;
        var request = client.method(endpoint.method()).uri(endpoint.path());
        if (!role.equals("anonymous")) {
            request.header(HttpHeaders.AUTHORIZATION, TestIdentities.basic(role));
        }
        return request.exchange().returnResult(String.class).getStatus().value();
    }

    private record Endpoint(HttpMethod method, String pattern, String path) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                for (String pattern : mapping.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, pattern
                                .replace("{planId}", "chronic-pain").replace("{versionId}", "2023-11")
                                .replace("{number}", "1").replace("{bodyId}", "slwg-a")
                                .replace("{meetingId}", "no-such-meeting").replace("{decisionId}", "no-such-decision")
                                .replace("{personId}", "nobody").replace("{id}", "00000000-0000-0000-0000-000000000000")));
                    }
                }
            }
        }
        endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
        return endpoints.stream().distinct().toList();
    }
}
