package org.planledger.command.web;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.web.PublicUrl;
import org.planledger.web.RawHttp;
import org.planledger.web.WebEdge;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser security headers on every kind of answer the command service gives, refusals and errors included;
 * and the Host header ignored where an address is built: redirects and the OpenAPI description's server.
 */
@CommandServiceTest
class EdgeHeadersTest {

    private static final Map<String, String> EVIL_HOST = Map.of("Host", "evil.example",
            "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443",
            "Forwarded", "host=evil.example;proto=https");

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
        answers.put("throttled", throttled(progress));

        Map<Integer, String> statuses = new TreeMap<>();
        answers.forEach((what, answer) -> {
            statuses.merge(answer.status(), what, (a, b) -> a + ", " + b);
            assertThat(answer.header("Content-Security-Policy")).as(what).isEqualTo(WebEdge.CONTENT_SECURITY_POLICY);
            assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
            assertThat(answer.header("Permissions-Policy")).as(what).isEqualTo(WebEdge.PERMISSIONS_POLICY);
            assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        });
        assertThat(statuses).containsKeys(200, 201, 302, 400, 401, 403, 404, 405, 413, 415, 429);
    }

    @Test
    void swaggerUisPageHasThePolicyWithItsOneInlineStyle() {
        RawHttp.Answer page = get("/swagger-ui/index.html", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(WebEdge.SWAGGER_UI_POLICY)
                .doesNotContain("unsafe-inline");
    }

    @Test
    void redirectsGoToThePublicUrlWhateverTheHostHeaderSays() {
        RawHttp.Answer redirect = get("/swagger-ui.html", EVIL_HOST);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith(site.origin() + "/swagger-ui/");
    }

    @Test
    void theOpenApiDescriptionNamesThePublicUrlWhateverTheHostHeaderSays() {
        RawHttp.Answer description = get("/v3/api-docs", EVIL_HOST);
        assertThat(JsonMapper.builder().build().readTree(description.body()).path("servers").findValuesAsString("url"))
                .containsExactly(site.origin());
    }

    /** A name's failures used up, each from an address of its own so the test's own address is not throttled. */
    private RawHttp.Answer throttled(String path) {
        String user = "chair-headers-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> wrong = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8)), "Content-Type", "application/json");
        for (int i = 0; i < perAccount; i++) {
            RawHttp.send(RawHttp.freshAddress(), port, "POST", path, wrong, "{}");
        }
        return RawHttp.send(RawHttp.freshAddress(), port, "POST", path, wrong, "{}");
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
