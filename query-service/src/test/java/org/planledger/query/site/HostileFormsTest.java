package org.planledger.query.site;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.query.QueryServiceTest;
import org.planledger.query.replay.Replays;
import org.planledger.query.security.SecurityConfiguration;
import org.planledger.web.HostileTally;
import org.planledger.web.PublicUrl;
import org.planledger.web.RawHttp;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged forms, as the issue sent them: a CSRF cookie planted in the browser, the form's token masked to match it,
 * the secretariat's credentials (which a browser sends by itself), and another site's Origin; and every variation
 * of where the form says it comes from and of the cookie. Each goes to each of the pages' four forms, and the command
 * service (a stand-in recording what it is sent) must receive nothing. The same forged form with this site's
 * Origin does get through: what stops a planted cookie is the Origin check, and in a browser the cookie's
 * {@code __Host-} prefix and SameSite (BrowserIT plants one for real).
 */
@QueryServiceTest
class HostileFormsTest extends CommandServiceStandIn.FormsGoToIt {

    private static final String OLD_COOKIE = "XSRF-TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    PublicUrl site;
    @Autowired
    Replays replays;
    @Autowired
    EventProcessingConfiguration processing;
    @Value("${plan-ledger.security.sign-in.failures-per-account}")
    int perAccount;
    @Value("${plan-ledger.security.sign-in.failures-per-address}")
    int perAddress;
    @LocalServerPort
    int port;

    private final List<CommandServiceStandIn.Sent> sent = CommandServiceStandIn.SHARED.sent;

    @BeforeEach
    void clear() {
        sent.clear();
    }

    @Test
    void noForgedFormReachesTheCommandService() {
        HostileTally tally = new HostileTally("forged forms", answer -> answer.header("Content-Type").startsWith("text/html")
                && answer.body().contains("id=\"form-refused\""));
        String token = UUID.randomUUID().toString();
        for (String form : FORMS.keySet()) {
            forgeries(token).forEach((forgery, headers) ->
                    tally.refused(forgery + " -> " + form, 403, post(form, headers, FORMS.get(form) + "&_csrf=" + mask(token))));
            tally.refused("a token matching no cookie -> " + form, 403, post(form, Map.of("Origin", site.origin(),
                    "Cookie", SecurityConfiguration.CSRF_COOKIE + "=" + token), FORMS.get(form) + "&_csrf=" + mask(UUID.randomUUID().toString())));
        }
        tally.assertClean(sent.size());

        // The same forgery from this site's own page is sent on: the token and fields are well formed.
        for (String form : FORMS.keySet()) {
            post(form, Map.of("Origin", site.origin(), "Cookie", SecurityConfiguration.CSRF_COOKIE + "=" + token),
                    FORMS.get(form) + "&_csrf=" + mask(token));
        }
        assertThat(sent).extracting(CommandServiceStandIn.Sent::path).containsExactlyInAnyOrder(
                "/api/plans/no-plan/versions/2023-11/actions/1/progress",
                "/api/plans/no-plan/versions/2023-11/actions/1/ownership", "/api/meetings",
                "/api/meetings/no-meeting/decisions");
    }

    @Test
    void theAdministrationApiRefusesRequestsFromAnotherSite() {
        HostileTally tally = new HostileTally("cross-site administration", answer -> answer.isProblem()
                && answer.body().contains("urn:plan-ledger:problem:cross-site-request"));
        for (String path : List.of("/api/admin/replay", "/api/admin/processors/stop", "/api/admin/processors/start")) {
            tally.refused(path, 403, RawHttp.send("127.0.0.1", port, "POST", path, Map.of("Origin", "https://evil.example",
                    "Authorization", TestIdentities.basic("secretariat")), ""));
        }
        long stopped = processing.eventProcessors().values().stream().filter(processor -> !processor.isRunning()).count();
        tally.assertClean(stopped + (replays.inProgress() ? 1 : 0));
    }

    /**
     * Wrong passwords on the pages and the API count together; once a name, or an address, has used up its failures,
     * even the right password sends no form: 429, as a page on the pages and as problem+json on the API.
     */
    @Test
    void aThrottledNameOrAddressSendsNoFormEvenWithTheRightPassword() {
        String token = UUID.randomUUID().toString();
        Map<String, String> fromThePage = Map.of("Origin", site.origin(), "Cookie", SecurityConfiguration.CSRF_COOKIE + "=" + token);
        String progress = FORMS.keySet().stream().filter(form -> form.endsWith("/progress")).findFirst().orElseThrow();
        String form = FORMS.get(progress) + "&_csrf=" + mask(token);
        HostileTally pages = new HostileTally("throttled sign-in on the pages", answer ->
                answer.header("Content-Type").startsWith("text/html") && answer.body().contains("id=\"too-many-sign-ins\"")
                        && Long.parseLong(answer.header("Retry-After")) > 0);
        HostileTally api = new HostileTally("throttled sign-in on the API", RawHttp.Answer::isProblem);

        String chair = "chair-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < perAccount; i++) {
            String wrong = basic(chair, "wrong-" + i);
            RawHttp.Answer failed = i % 2 == 0
                    ? post(RawHttp.freshAddress(), progress, wrong, fromThePage, form)
                    : RawHttp.send(RawHttp.freshAddress(), port, "GET", "/api/meetings", Map.of("Authorization", wrong), null);
            assertThat(failed.status()).isEqualTo(401);
        }
        pages.refused("the name's right password", 429, post(RawHttp.freshAddress(), progress,
                basic(chair, TestIdentities.PASSWORD), fromThePage, form));
        api.refused("the name's right password", 429, RawHttp.send(RawHttp.freshAddress(), port, "GET", "/api/meetings",
                Map.of("Authorization", basic(chair, TestIdentities.PASSWORD)), null));

        String address = RawHttp.freshAddress();
        for (int i = 0; i < perAddress; i++) {
            assertThat(post(address, progress, basic("guess-" + i, "wrong"), fromThePage, form).status()).isEqualTo(401);
        }
        pages.refused("the secretariat from the guessing address", 429, post(address, progress,
                TestIdentities.basic("secretariat"), fromThePage, form));
        pages.assertClean(sent.size());
        api.assertClean(sent.size());
    }

    @Test
    void thePagesSetTheirCsrfCookieOnlyForThisSiteOverSecureConnections() {
        RawHttp.Answer page = RawHttp.send("127.0.0.1", port, "GET", "/meetings/new",
                Map.of("Authorization", TestIdentities.basic("secretariat")), null);
        assertThat(page.headers().get("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith(SecurityConfiguration.CSRF_COOKIE + "=").contains("; Path=/").contains("; Secure")
                .contains("; HttpOnly").contains("; SameSite=Strict").doesNotContainIgnoringCase("Domain="));
    }

    /** The four forms, each with fields enough to be sent on, aimed at a plan and a meeting that do not exist. */
    private static final Map<String, String> FORMS = Map.of(
            "/plans/no-plan/versions/2023-11/actions/1/progress", "summary=forged&idempotencyKey=k1&version=0",
            "/plans/no-plan/versions/2023-11/actions/1/ownership", "ownerBodyId=evil&reason=forged&decisionId=D-1",
            "/meetings", "meetingId=forged&bodyId=task-force&heldOn=2024-01-01&title=Forged",
            "/meetings/no-meeting/decisions", "decisionId=D-forged&text=forged&actions=chronic-pain/2023-11/7");

    /** Where a forged form could say it comes from, and which cookie it could carry. */
    private Map<String, Map<String, String>> forgeries(String token) {
        String planted = SecurityConfiguration.CSRF_COOKIE + "=" + token;
        Map<String, Map<String, String>> forgeries = new LinkedHashMap<>();
        forgeries.put("another site, planted cookie", Map.of("Origin", "https://evil.example", "Cookie", planted));
        forgeries.put("another port, planted cookie", Map.of("Origin", site.origin().replaceFirst(":\\d+$", ":" + (port + 1)),
                "Cookie", planted));
        forgeries.put("an opaque origin, planted cookie", Map.of("Origin", "null", "Cookie", planted));
        forgeries.put("another site's Referer only, planted cookie", Map.of("Referer", "https://evil.example/form",
                "Cookie", planted));
        forgeries.put("no Origin or Referer, planted cookie", Map.of("Cookie", planted));
        forgeries.put("another site with our Referer, planted cookie", Map.of("Origin", "https://evil.example",
                "Referer", site.origin() + "/meetings/new", "Cookie", planted));
        forgeries.put("our origin, the old cookie name", Map.of("Origin", site.origin(), "Cookie", OLD_COOKIE + "=" + token));
        forgeries.put("our origin, no cookie", Map.of("Origin", site.origin()));
        return forgeries;
    }

    private RawHttp.Answer post(String path, Map<String, String> from, String form) {
        return post("127.0.0.1", path, TestIdentities.basic("secretariat"), from, form);
    }

    private RawHttp.Answer post(String address, String path, String authorization, Map<String, String> from, String form) {
        Map<String, String> headers = new LinkedHashMap<>(from);
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "text/html");
        return RawHttp.send(address, port, "POST", path, headers, form);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The token as a form carries it: XOR-masked with random bytes, as Spring Security masks its own. */
    private static String mask(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] masked = new byte[bytes.length * 2];
        byte[] random = new byte[bytes.length];
        RANDOM.nextBytes(random);
        for (int i = 0; i < bytes.length; i++) {
            masked[i] = random[i];
            masked[bytes.length + i] = (byte) (random[i] ^ bytes[i]);
        }
        return URLEncoder.encode(Base64.getUrlEncoder().encodeToString(masked), StandardCharsets.UTF_8);
    }
}
