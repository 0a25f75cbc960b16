package org.planledger.command.web;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.web.EdgeChecks;
import org.planledger.web.PublicUrl;
import org.planledger.web.RawHttp;
import org.planledger.web.WebEdge;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser security headers on every kind of answer the command service gives, refusals and errors included;
 * and the Host header ignored where an address is built: redirects and the OpenAPI description's server.
 */
@CommandServiceTest
class EdgeHeadersTest {

    @Autowired
    Governance governance;
    @Autowired
    PublicUrl site;
    @LocalServerPort
    int port;
    @Value("${plan-ledger.security.sign-in.failures-per-account}")
    int perAccount;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String progress = "/api/plans/" + governance.plan("headers", 1, null) + "/versions/2023-11/actions/1/progress";
        String secretariat = TestIdentities.basic("secretariat");
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        answers.put("health", get("/actuator/health", Map.of()));
        answers.put("OpenAPI", get("/v3/api-docs", Map.of()));
        answers.put("Swagger UI", get("/swagger-ui.html", Map.of()));
        answers.put("a command", post(progress, Map.of("Authorization", secretariat), "{\"summary\": \"headers\"}"));
        answers.put("an invalid command", post("/api/bodies", Map.of("Authorization", secretariat), "{}"));
        answers.put("not signed in", post("/api/bodies", Map.of(), "{}"));
        answers.put("not permitted", post("/api/bodies", Map.of("Authorization", TestIdentities.basic("auditor")), "{}"));
        answers.put("cross-site", post("/api/bodies", Map.of("Authorization", secretariat, "Origin", "https://evil.example"), "{}"));
        answers.put("no such plan", post(progress.replace("headers-", "none-"), Map.of("Authorization", secretariat), "{\"summary\": \"x\"}"));
        answers.put("wrong method", RawHttp.send("127.0.0.1", port, "PUT", progress, Map.of("Authorization", secretariat,
                "Content-Type", "application/json"), "{}"));
        answers.put("too large", post("/api/bodies", Map.of("Authorization", secretariat), "{\"name\": \"" + "x".repeat(300_000) + "\"}"));
        answers.put("not JSON", RawHttp.send("127.0.0.1", port, "POST", "/api/bodies", Map.of("Authorization", secretariat,
                "Content-Type", "text/plain"), "{}"));
        answers.put("throttled", EdgeChecks.throttled(port, perAccount, "POST", progress,
                Map.of("Content-Type", "application/json")));

        Map<Integer, String> statuses = new TreeMap<>();
        answers.forEach((what, answer) -> {
            statuses.merge(answer.status(), what, (a, b) -> a + ", " + b);
            EdgeChecks.assertSecurityHeaders(what, answer, WebEdge.CONTENT_SECURITY_POLICY,
                WebEdge.PERMISSIONS_POLICY);
        });
        assertThat(statuses).containsKeys(200, 201, 302, 400, 401, 403, 404, 405, 413, 415, 429);
    }

    @Test
    void swaggerUisPageHasThePolicyWithItsOneInlineStyle() {
        RawHttp.Answer page = get("/swagger-ui/index.html", Map.of());
        assertThat(page.status()).isEqualTo(200);
        EdgeChecks.assertSecurityHeaders("Swagger UI", page, WebEdge.SWAGGER_UI_POLICY,
                WebEdge.PERMISSIONS_POLICY);
        assertThat(WebEdge.SWAGGER_UI_POLICY).doesNotContain("unsafe-inline");
    }

    @Test
    void redirectsGoToThePublicUrlWhateverTheHostHeaderSays() {
        RawHttp.Answer redirect = get("/swagger-ui.html", EdgeChecks.ANOTHER_HOST);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith(site.origin() + "/swagger-ui/");
    }

    @Test
    void theOpenApiDescriptionNamesThePublicUrlWhateverTheHostHeaderSays() {
        assertThat(EdgeChecks.openApiServers(port)).containsExactly(site.origin());
    }

    private RawHttp.Answer get(String path, Map<String, String> headers) {
        return RawHttp.send("127.0.0.1", port, "GET", path, headers, null);
    }

    private RawHttp.Answer post(String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return RawHttp.send("127.0.0.1", port, "POST", path, all, body);
    }
}
