package org.planledger.query.security;

import org.junit.jupiter.api.Test;
import org.planledger.query.FreshDatabaseWithEventStore;
import org.planledger.web.security.TestIdentities;
import org.planledger.web.security.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

/** The query service under the production profile: bearer tokens and their roles, no demo accounts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "plan-ledger.security.demo-accounts=true")
@ActiveProfiles("production")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = FreshDatabaseWithEventStore.class)
@Import(TestIdentityProvider.class)
class QueryTokenSecurityTest {

    @Autowired
    RestTestClient http;

    @Test
    void readsTheAuditLogWithAnAuditorsTokenOnly() {
        audit(TestIdentities.bearer("audit@audit-scotland.example", "roles", List.of("AUDITOR"))).expectStatus().isOk();
        audit(TestIdentities.bearer("jane.doe@gov.scot", "roles", List.of("SECRETARIAT"))).expectStatus().isForbidden();
        audit(TestIdentities.bearer("chair@example.org", "roles", List.of("CHAIR:slwg-a"))).expectStatus().isForbidden();
        audit(TestIdentities.basic("auditor")).expectStatus().isUnauthorized();
        http.get().uri("/api/plans").exchange().expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec audit(String authorization) {
        return http.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }
}
