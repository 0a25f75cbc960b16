package org.planledger.query.site;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.query.Ledger;
import org.planledger.query.QueryServiceTest;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web pages' forms as the query service sends them on: to the command service (here a stand-in that records
 * what it was sent and answers as the real one would), as the signed-in user, with the form's idempotency key and
 * the version it showed; the command service's messages next to the fields; the CSRF token required. The real
 * command service behind the same forms is BrowserIT's business.
 */
@QueryServiceTest
class PagesTest extends CommandServiceStandIn.FormsGoToIt {

    private static final CommandServiceStandIn commandService = CommandServiceStandIn.SHARED;
    private static final List<CommandServiceStandIn.Sent> sent = commandService.sent;

    @Autowired
    Ledger ledger;
    @LocalServerPort
    int port;

    private String plan;
    private ActionRef action;

    @BeforeEach
    void publish() {
        plan = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        action = new ActionRef(plan, "2023-11", 1);
        sent.clear();
        ledger.append(new PlanVersionPublished(plan, "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(new Aim("A", "Person Centred Care", "statement"))), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ActionPublished(action, "A", "Develop information", "what", Timeframe.LONG, "slwg-a",
                ActionStatus.NOT_STARTED, List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> new Browser().get(page(), null).statusCode() == 200);
    }

    @Test
    void aRefusedFormShowsTheCommandServicesMessageNextToItsFieldAndWhatWasSent() {
        commandService.answer = exchange -> CommandServiceStandIn.respond(exchange, 400, "application/problem+json", """
                {"title":"Invalid request","status":400,"detail":"summary: must not be blank",
                 "errors":[{"field":"summary","message":"must not be blank"}]}""");
        Browser browser = new Browser();
        Form form = browser.form(page(), "secretariat");

        HttpResponse<String> refused = browser.post(page() + "/progress", "secretariat",
                form.with("summary", "").with("status", "AT_RISK"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"progress-summary-error\"").contains("Summary must not be blank")
                .contains("govuk-error-summary").contains("<option value=\"AT_RISK\" selected=\"selected\">");
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/plans/" + plan + "/versions/2023-11/actions/1/progress");
            assertThat(request.authorization()).isEqualTo(TestIdentities.basic("secretariat"));
            assertThat(request.idempotencyKey()).isEqualTo(form.fields().get("idempotencyKey")).isNotBlank();
            assertThat(request.ifMatch()).isEqualTo("\"0\"");
            assertThat(request.body()).isEqualTo("{\"summary\":\"\",\"status\":\"AT_RISK\"}");
        });
    }

    @Test
    void anAcceptedFormLeadsToTheActionPageShowingTheChange() {
        commandService.answer = exchange -> {
            // As the command service does: the event is in the store before the answer goes back.
            ledger.append(new ProgressRecorded(action, "Hub live on TURAS", List.of()), "secretariat");
            CommandServiceStandIn.respond(exchange, 201, "application/json", "{\"action\":\"" + action + "\",\"version\":1,\"commandId\":\"c\"}");
        };
        Browser browser = new Browser();
        HttpResponse<String> accepted = browser.post(page() + "/progress", "secretariat",
                browser.form(page(), "secretariat").with("summary", "Hub live on TURAS"));

        assertThat(accepted.statusCode()).isEqualTo(302);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith(page() + "?recorded=progress#changes");
        // The page is only sent back once the read model has the change: no waiting needed here.
        assertThat(browser.get(location, "secretariat").body()).contains("Progress recorded").contains("Hub live on TURAS");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        Browser browser = new Browser();
        Form form = browser.form(page(), "secretariat");
        form.fields().remove("_csrf");

        assertThat(browser.post(page() + "/progress", "secretariat", form.with("summary", "x")).statusCode()).isEqualTo(403);
        assertThat(sent).isEmpty();
    }

    @Test
    void whenTheCommandServiceDoesNotAnswerTheFormSaysSoAndKeepsWhatWasTyped() {
        commandService.answer = HttpExchange::close;
        Browser browser = new Browser();
        HttpResponse<String> failed = browser.post(page() + "/progress", "secretariat",
                browser.form(page(), "secretariat").with("summary", "Typed with care"));

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("The command service is not answering").contains("Typed with care");
    }

    @Test
    void anAuditorSeesNoFormsAndMayNotSendOne() {
        Browser browser = new Browser();
        assertThat(browser.get(page(), "auditor").body()).doesNotContain("Record progress</h2>");
        Form form = browser.form(page(), "secretariat");

        assertThat(browser.post(page() + "/progress", "auditor", form.with("summary", "x")).statusCode()).isEqualTo(403);
        assertThat(sent).isEmpty();
    }

    @Test
    void aSignInPageAsksTheBrowserForAnAccountAndEveryProtectedPageAnswersAsAPage() {
        Browser browser = new Browser();
        HttpResponse<String> signIn = browser.get("/sign-in", null);
        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(signIn.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Plan Ledger\", charset=\"UTF-8\"");
        assertThat(browser.get("/sign-in", "auditor").statusCode()).isEqualTo(302);

        Map<String, Map<String, Integer>> expected = Map.of(
                "/audit", Map.of("anonymous", 401, "secretariat", 403, "auditor", 200, "chair-slwg-a", 403),
                "/integrity", Map.of("anonymous", 401, "secretariat", 403, "auditor", 200, "chair-slwg-a", 403),
                "/meetings", Map.of("anonymous", 401, "secretariat", 200, "auditor", 200, "chair-slwg-a", 200),
                "/meetings/new", Map.of("anonymous", 401, "secretariat", 200, "auditor", 403, "chair-slwg-a", 403),
                "/bodies", Map.of("anonymous", 200, "secretariat", 200, "auditor", 200, "chair-slwg-a", 200),
                page(), Map.of("anonymous", 200, "secretariat", 200, "auditor", 200, "chair-slwg-a", 200));
        expected.forEach((path, byRole) -> byRole.forEach((role, status) -> {
            HttpResponse<String> response = browser.get(path, role.equals("anonymous") ? null : role);
            assertThat(response.statusCode()).as(path + " as " + role).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).as(path + " as " + role).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
        }));
    }

    @Test
    void aBadAddressIsAPageNamingTheProblem() {
        Browser browser = new Browser();
        HttpResponse<String> missing = browser.get("/plans/" + plan + "/versions/2023-11/actions/99", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("there is no action " + plan + "/2023-11/99").doesNotContain("Exception");

        HttpResponse<String> notANumber = browser.get("/plans/" + plan + "/versions/2023-11/actions/seven", null);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("&#39;seven&#39; is not a valid number");

        HttpResponse<String> badDate = browser.get("/plans/" + plan + "?asOf=yesterday", null);
        assertThat(badDate.statusCode()).isEqualTo(200);
        assertThat(badDate.body()).contains("Enter a date such as 2023-01-01").contains("id=\"asOf-error\"");

        HttpResponse<String> badFilter = browser.get("/audit?from=soon", "auditor");
        assertThat(badFilter.statusCode()).isEqualTo(200);
        assertThat(badFilter.body()).contains("href=\"#audit-from\"").contains("id=\"audit-from-error\"")
                .contains("from must be a date such as 2024-03-05");

        HttpResponse<String> backwards = browser.get("/plans/" + plan + "/diff?from=2024-01-01&to=2023-01-01", null);
        assertThat(backwards.body()).contains("The first date must be on or before the second").contains("href=\"#from\"");
    }

    private String page() {
        return "/plans/" + plan + "/versions/2023-11/actions/1";
    }

    /**
     * A browser's part: cookies kept between requests (Secure ones too, as browsers do for http://localhost, which
     * java.net's cookie manager does not), forms read from pages and sent with the page's Origin, Basic credentials
     * when signed in.
     */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> get(String path, String user) {
            return send(HttpRequest.newBuilder(uri(path)).GET(), user);
        }

        HttpResponse<String> post(String path, String user, Form form) {
            String body = form.fields().entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://localhost:" + port).POST(HttpRequest.BodyPublishers.ofString(body)), user);
        }

        /** The hidden fields of the progress form on the page. */
        Form form(String path, String user) {
            String page = get(path, user).body();
            String progress = page.substring(page.indexOf("id=\"record-progress\""));
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(progress);
            while (hidden.find() && !fields.containsKey(hidden.group(1))) {
                fields.put(hidden.group(1), hidden.group(2));
            }
            assertThat(fields).containsKeys("_csrf", "idempotencyKey", "version");
            return new Form(fields);
        }

        private URI uri(String path) {
            return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String user) {
            request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            if (user != null) {
                request.header("Authorization", TestIdentities.basic(user));
            }
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").forEach(cookie -> {
                    String pair = cookie.split(";", 2)[0];
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                });
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Form(Map<String, String> fields) {
        Form with(String name, String value) {
            fields.put(name, value);
            return this;
        }
    }
}
