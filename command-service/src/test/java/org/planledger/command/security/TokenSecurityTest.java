package org.planledger.command.security;

import org.junit.jupiter.api.Test;
import org.planledger.command.StoredEvents;
import org.planledger.localpostgres.FreshDatabase;
import org.planledger.web.security.TestIdentities;
import org.planledger.web.security.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile: bearer tokens from the identity provider, roles from the configured claim, and no demo
 * accounts even if someone switches them on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"plan-ledger.security.demo-accounts=true", "plan-ledger.security.role-claim=groups"})
@ActiveProfiles("production")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = FreshDatabase.class)
@Import(TestIdentityProvider.class)
class TokenSecurityTest {

    @Autowired
    RestTestClient http;
    @Autowired
    StoredEvents stored;

    @Test
    void acceptsATokenWithTheSecretariatRoleAndRecordsItsSubjectAsTheActor() {
        String plan = "token-" + UUID.randomUUID().toString().substring(0, 8);
        publish(plan, TestIdentities.bearer("jane.doe@gov.scot", "groups", List.of("SECRETARIAT")))
                .expectStatus().isCreated();

        assertThat(stored.under(plan + "/2023-11")).isNotEmpty().allSatisfy(event ->
                assertThat(event.metadata()).containsEntry("actor", "jane.doe@gov.scot"));
    }

    @Test
    void refusesTokensWithoutTheRoleOrWithTheRoleInAnotherClaimAndBadTokens() {
        String plan = "token-" + UUID.randomUUID().toString().substring(0, 8);
        publish(plan, TestIdentities.bearer("auditor@gov.scot", "groups", List.of("AUDITOR"))).expectStatus().isForbidden();
        publish(plan, TestIdentities.bearer("jane.doe@gov.scot", "roles", List.of("SECRETARIAT"))).expectStatus().isForbidden();
        publish(plan, "Bearer not.a.token").expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored.under(plan)).isEmpty();
    }

    @Test
    void hasNoDemoAccountsUnderTheProductionProfile() {
        publish("token-demo", TestIdentities.basic("secretariat")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("sign in to do this: send a bearer token");
    }

    private RestTestClient.ResponseSpec publish(String plan, String authorization) {
        return http.post().uri("/api/plans/{plan}/versions", plan).header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"versionId": "2023-11", "title": "T", "publishedOn": "2023-11-01",
                         "aims": [{"code": "A", "title": "Person Centred Care"}],
                         "actions": [{"number": 1, "aim": "A", "title": "One"}]}""")
                .exchange();
    }
}
