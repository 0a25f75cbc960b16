package org.planledger.query.site;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.Timeframe;
import org.planledger.query.Ledger;
import org.planledger.query.QueryServiceTest;
import org.planledger.query.report.ReportFormats;
import org.planledger.web.EdgeChecks;
import org.planledger.web.PublicUrl;
import org.planledger.web.RawHttp;
import org.planledger.web.WebEdge;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The browser security headers on every kind of answer the query service gives (pages, their error pages, the API,
 * its refusals, static files, the HTML report with a policy of its own); no inline script or style on the pages;
 * and the Host header ignored where an address is built: redirects and the OpenAPI description's server.
 */
@QueryServiceTest
class EdgeHeadersTest {

    @Autowired
    Ledger ledger;
    @Autowired
    PublicUrl site;
    @LocalServerPort
    int port;
    @Value("${plan-ledger.security.sign-in.failures-per-account}")
    int perAccount;

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoPageHasInlineScriptOrStyle() {
        String plan = publish();
        String action = "/plans/" + plan + "/versions/2023-11/actions/1";
        String auditor = TestIdentities.basic("auditor");
        String secretariat = TestIdentities.basic("secretariat");
        Map<String, RawHttp.Answer> pages = new LinkedHashMap<>();
        pages.put("the plan", get("/plans/" + plan, Map.of()));
        pages.put("an action, signed in", get(action, Map.of("Authorization", secretariat)));
        pages.put("the bodies", get("/bodies", Map.of()));
        pages.put("the audit log", get("/audit", Map.of("Authorization", auditor)));
        pages.put("the integrity check", get("/integrity", Map.of("Authorization", auditor)));
        pages.put("a new meeting", get("/meetings/new", Map.of("Authorization", secretariat)));
        pages.put("not signed in", get("/audit", Map.of()));
        pages.put("not permitted", get("/audit", Map.of("Authorization", secretariat)));
        pages.put("no such action", get(action.replace("/1", "/99"), Map.of()));
        pages.put("a bad address", get(action.replace("/1", "/one"), Map.of()));
        pages.put("a form from another site", send("POST", action + "/progress", Map.of("Authorization", secretariat,
                "Origin", "https://evil.example", "Content-Type", "application/x-www-form-urlencoded"), "summary=x"));
        pages.put("too many sign-ins", EdgeChecks.throttled(port, perAccount, "GET", action, Map.of("Accept", "text/html")));
        Map<String, RawHttp.Answer> others = new LinkedHashMap<>();
        others.put("the stylesheet", get("/site.css", Map.of()));
        others.put("GOV.UK Frontend", get("/govuk/govuk-frontend.min.css", Map.of()));
        others.put("signing in", get("/sign-in", Map.of("Authorization", auditor)));
        others.put("the API", get("/api/plans/" + plan + "/status", Map.of()));
        others.put("the API, not found", get("/api/plans/" + plan + "/versions/2023-11/actions/99", Map.of()));
        others.put("the API, invalid", get("/api/audit?limit=many", Map.of("Authorization", auditor)));
        others.put("the API, not signed in", get("/api/audit", Map.of()));
        others.put("the API, too large", send("POST", "/api/admin/replay", Map.of("Authorization", secretariat,
                "Content-Type", "application/json"), "x".repeat(300_000)));
        others.put("the API, wrong method", send("DELETE", "/api/admin/replay", Map.of("Authorization", secretariat), null));
        others.put("the OpenAPI description", get("/v3/api-docs", Map.of()));
        others.put("a Markdown report", get("/api/plans/" + plan + "/report?format=md", Map.of()));

        Map<Integer, String> statuses = new TreeMap<>();
        Map<String, RawHttp.Answer> all = new LinkedHashMap<>(pages);
        all.putAll(others);
        all.forEach((what, answer) -> {
            statuses.merge(answer.status(), what, (a, b) -> a + ", " + b);
            EdgeChecks.assertSecurityHeaders(what, answer, WebEdge.CONTENT_SECURITY_POLICY,
                WebEdge.PERMISSIONS_POLICY);
        });
        assertThat(statuses).containsKeys(200, 302, 400, 401, 403, 404, 405, 413, 429);
        // Fonts that are not served are not named either, so no page asks for them and has its policy refuse it.
        assertThat(others.get("GOV.UK Frontend").body()).contains(".govuk-body").doesNotContain("@font-face")
                .doesNotContain("/assets/fonts/");
        pages.forEach((what, page) -> assertThat(page.body()).as(what).contains("<html")
                .doesNotContainPattern("(?i)<script|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:"));
    }

    @Test
    void theHtmlReportAllowsItsOwnStyleBlockAndNothingElse() throws Exception {
        String plan = publish();
        // A report is built at the position every projection has stored, which can trail the pages by a second.
        RawHttp.Answer report = await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/api/plans/" + plan + "/report?format=html", Map.of()), answer -> answer.status() == 200);
        EdgeChecks.assertSecurityHeaders("the HTML report", report, ReportFormats.CONTENT_SECURITY_POLICY,
                WebEdge.PERMISSIONS_POLICY);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(report.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(report.header("Content-Security-Policy")).contains("style-src 'sha256-" + hash + "';")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        assertThat(style.find()).as("a second style block").isFalse();
        assertThat(report.body()).doesNotContainPattern("(?i)<script|\\sstyle\\s*=");
    }

    @Test
    void redirectsGoToThePublicUrlWhateverTheHostHeaderSays() {
        Map<String, String> headers = new LinkedHashMap<>(EdgeChecks.ANOTHER_HOST);
        headers.put("Authorization", TestIdentities.basic("auditor"));
        RawHttp.Answer signedIn = get("/sign-in", headers);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo(site.origin() + "/");
        assertThat(get("/swagger-ui.html", EdgeChecks.ANOTHER_HOST).header("Location")).startsWith(site.origin() + "/swagger-ui/");
    }

    @Test
    void theOpenApiDescriptionNamesThePublicUrlWhateverTheHostHeaderSays() {
        assertThat(EdgeChecks.openApiServers(port)).containsExactly(site.origin());
    }

    private String publish() {
        String plan = "edge-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.append(new PlanVersionPublished(plan, "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(new Aim("A", "Person Centred Care", "statement"))), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ActionPublished(new ActionRef(plan, "2023-11", 1), "A", "Develop information", "what",
                Timeframe.LONG, null, ActionStatus.NOT_STARTED, List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/plans/" + plan + "/versions/2023-11/actions/1", Map.of()).status() == 200);
        return plan;
    }

    private RawHttp.Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    private RawHttp.Answer send(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        all.putAll(headers);
        return RawHttp.send("127.0.0.1", port, method, path, all, body);
    }
}
