package org.planledger.system;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web pages in a real headless Chromium against a clean ./run.sh: the overview, the date control, the
 * secretariat's forms (their validation messages and a recorded change showing up), the progress reports in three
 * formats, and axe-core on every page. Screenshots, render times and axe results go to target/browser/.
 * <p>
 * CI installs Chromium and sets PLAN_LEDGER_REQUIRE_BROWSER, so there a missing browser fails the build; on a
 * developer's machine without Chromium these tests are skipped with a message saying how to install it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path OUT = Path.of("target", "browser");
    private static final String PLAN = "/plans/chronic-pain";
    private static final String ACTION_7 = PLAN + "/versions/2023-11/actions/7";

    @TempDir
    static Path data;
    private static PlanLedgerProcess ledger;
    private static final Map<String, Browser> browsers = new LinkedHashMap<>();
    /** Per page: who looked, server and load times, axe violations by impact. */
    private static final List<String> pageRows = new ArrayList<>();
    private static final List<Map<String, Object>> serious = new ArrayList<>();
    /** What the console said about a page's security policies (CSP, Permissions-Policy, cookies), per page. */
    private static final List<String> policyMessages = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) {
            String message = "Chromium and ChromeDriver are needed at " + Browser.CHROMIUM + " and "
                    + Browser.CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)";
            if (System.getenv("PLAN_LEDGER_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        deleteRecursively(OUT);
        ledger = new PlanLedgerProcess(data).start();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        browsers.values().forEach(Browser::close);
        if (ledger != null) {
            ledger.stop();
            ledger.close();
        }
        if (!policyMessages.isEmpty()) {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("console.txt"), String.join("\n", policyMessages) + "\n", StandardCharsets.UTF_8);
        }
        if (!pageRows.isEmpty()) {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("pages.md"), "| page | signed in as | server ms | load ms | axe violations |\n"
                    + "|---|---|---|---|---|\n" + String.join("\n", pageRows) + "\n", StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsEveryActionOfThePlanInForce() throws IOException {
        Browser browser = as(null);
        visit(browser, null, PLAN, "overview");
        assertThat(browser.driver.findElements(By.cssSelector("tr.ledger-action"))).hasSize(18);
        assertThat(text(browser, "#version-in-force")).contains("2023-11").contains("18 actions");
        assertThat(browser.driver.findElements(By.cssSelector("svg.ledger-chart"))).hasSize(4);
        browser.screenshot(browser.driver.findElement(By.id("aim-a-title")), OUT.resolve("screenshots/chart-aim-a.png"));
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browser.open(ledger.queryUrl(PLAN));
            warm.add(Math.round(browser.timing().get("response").doubleValue()));
        }
        pageRows.add("| " + PLAN + " (warm: median of 5 loads, each of " + warm + ") | nobody | "
                + warm.stream().sorted().toList().get(2) + " | | |");
    }

    @Test
    @Order(0)
    void axeFindsAViolationWhereThereIsOne() throws IOException {
        Browser browser = as(null);
        browser.open("data:text/html,<html lang=en><title>t</title><main><img src=x></main></html>");
        assertThat(browser.axeViolations()).extracting(violation -> violation.get("id")).contains("image-alt");
    }

    @Test
    @Order(2)
    void theDateControlShowsThePlanAsItStoodOnThatDate() throws IOException {
        Browser browser = as(null);
        visit(browser, null, PLAN, null);
        WebElement date = browser.driver.findElement(By.id("asOf"));
        date.sendKeys("2023-01-01");
        browser.driver.findElement(By.id("show-date")).click();
        awaitText(browser, "#version-in-force", "2022-07");
        assertThat(browser.driver.getCurrentUrl()).contains("asOf=2023-01-01");
        assertThat(text(browser, "#version-in-force")).contains("18 actions");
        assertThat(browser.driver.findElements(By.cssSelector("tr.ledger-action"))).hasSize(18);
        record(browser, null, PLAN + "?asOf=2023-01-01", "overview-2023-01-01");
    }

    @Test
    @Order(3)
    void theProgressFormShowsTheApisMessageNextToTheFieldAndThenRecordsTheChange() throws IOException {
        Browser browser = as("secretariat");
        visit(browser, "secretariat", ACTION_7, null);
        browser.driver.findElement(By.id("record-progress-button")).click();
        awaitText(browser, "#progress-summary-error", "must not be blank");
        assertThat(text(browser, "#progress-errors")).contains("summary");
        record(browser, "secretariat", ACTION_7 + " (form refused)", "progress-form-errors");

        String summary = "Digital pathway live in two more boards; recorded through the browser test.";
        browser.driver.findElement(By.id("progress-summary")).sendKeys(summary);
        new Select(browser.driver.findElement(By.id("progress-status"))).selectByValue("AT_RISK");
        browser.driver.findElement(By.id("record-progress-button")).click();

        awaitText(browser, "#recorded", "Progress recorded");
        assertThat(text(browser, "#latest-progress")).contains(summary);
        assertThat(text(browser, "#action-status")).isEqualTo("At risk");
        assertThat(text(browser, "#history")).contains(summary).contains("secretariat");
        browser.screenshot(browser.driver.findElement(By.id("action-band-title")), OUT.resolve("screenshots/chart-action-7.png"));
        record(browser, "secretariat", ACTION_7 + " (after recording)", "progress-recorded");
    }

    @Test
    @Order(4)
    void theSecretariatRecordsAMeetingAndADecisionThroughTheForms() throws IOException {
        Browser browser = as("secretariat");
        visit(browser, "secretariat", "/meetings", "meetings");
        browser.driver.findElement(By.id("new-meeting")).click();
        browser.driver.findElement(By.id("meeting-meetingId")).sendKeys("task-force-browser-test");
        new Select(browser.driver.findElement(By.id("meeting-bodyId"))).selectByValue("task-force");
        browser.driver.findElement(By.id("meeting-heldOn")).sendKeys("2024-03-05");
        browser.driver.findElement(By.id("meeting-title")).sendKeys("Task Force meeting, March 2024");
        browser.driver.findElement(By.id("record-meeting-button")).click();
        awaitText(browser, "#recorded", "Meeting recorded");

        browser.driver.findElement(By.id("decision-decisionId")).sendKeys("TF-BROWSER-D1");
        browser.driver.findElement(By.id("decision-text")).sendKeys("SLWG A to take on action 7.");
        browser.driver.findElement(By.id("decision-actions")).sendKeys("chronic-pain/2023-11/7");
        browser.driver.findElement(By.id("record-decision-button")).click();
        awaitText(browser, "#recorded", "Decision recorded");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.driver.navigate().refresh();
            assertThat(text(browser, "#decision-TF-BROWSER-D1")).contains("SLWG A to take on action 7.");
        });
        record(browser, "secretariat", "/meetings/task-force-browser-test", "meeting");
        visit(browser, "secretariat", "/meetings/new", "meeting-form");
    }

    @Test
    @Order(5)
    void everyOtherPagePassesAxeAsItsReaderSeesIt() throws IOException {
        Browser anyone = as(null);
        visit(anyone, null, PLAN + "/diff?from=2023-01-01&to=2024-01-01", "diff");
        assertThat(text(anyone, "#diff-added")).contains("chronic-pain/2023-11/5");
        visit(anyone, null, PLAN + "/versions/2022-07/actions/9", "action-2022-07-9");
        visit(anyone, null, "/bodies", "bodies");
        visit(anyone, null, "/bodies/slwg-a", "body");
        visit(anyone, null, "/api/plans/chronic-pain/report?format=html&asOf=2024-01-31", "report");
        visit(anyone, null, PLAN + "/versions/2023-11/actions/99", "not-found");
        assertThat(text(anyone, "#problem-detail")).isEqualTo("there is no action chronic-pain/2023-11/99");

        Browser auditor = as("auditor");
        visit(auditor, "auditor", "/audit", "audit");
        assertThat(auditor.driver.findElements(By.cssSelector("tr.ledger-entry"))).hasSize(50);
        visit(auditor, "auditor", "/audit?actor=secretariat", "audit-filtered");
        assertThat(auditor.driver.findElements(By.cssSelector("tr.ledger-entry"))).isNotEmpty().allSatisfy(row ->
                assertThat(row.getText()).contains("secretariat"));
        visit(auditor, "auditor", "/integrity", "integrity");
        assertThat(text(auditor, "#integrity-result")).contains("The chain is intact");
        visit(auditor, "auditor", "/bodies/slwg-a", "body-accountability");
        assertThat(auditor.driver.findElements(By.id("accountability"))).hasSize(1);

        assertThat(serious).as("serious or critical axe violations").isEmpty();
    }

    @Test
    @Order(6)
    void theReportComesOutInThreeFormatsAndTheSameBytesFromTheSamePosition() {
        String url = ledger.queryUrl("/api/plans/chronic-pain/report?asOf=2024-01-31&format=");
        Http.BytesResponse html = Http.getBytes(url + "html", "Ledger-Position");
        Http.BytesResponse md = Http.getBytes(url + "md", "Ledger-Position");
        Http.BytesResponse pdf = Http.getBytes(url + "pdf", "Ledger-Position");
        assertThat(List.of(html.status(), md.status(), pdf.status())).containsOnly(200);
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("Aim A").contains("Action 18")
                .contains("Built from the ledger up to event position " + html.header());
        assertThat(new String(md.body(), StandardCharsets.UTF_8)).contains("## Aim A").contains("### Action 1\n");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        long position = Long.parseLong(pdf.header());
        Http.post(ledger.commandUrl("/api/plans/chronic-pain/versions/2023-11/actions/1/progress"),
                "{\"summary\":\"Recorded after the report was built.\",\"effectiveOn\":\"2024-01-15\"}");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Long.parseLong(Http.getBytes(url + "md", "Ledger-Position").header()) > position);
        String again = url.replace("&format=", "&position=" + position + "&format=");
        assertThat(Http.getBytes(again + "pdf", "Ledger-Position").body()).isEqualTo(pdf.body());
        assertThat(Http.getBytes(again + "md", "Ledger-Position").body()).isEqualTo(md.body());
        assertThat(new String(Http.getBytes(url + "md", "Ledger-Position").body(), StandardCharsets.UTF_8))
                .contains("Recorded after the report was built.");
    }

    @Test
    @Order(7)
    void swaggerUiWorksUnderTheContentSecurityPolicy() throws IOException {
        Browser browser = as(null);
        for (String url : List.of(ledger.commandUrl("/swagger-ui.html"), ledger.queryUrl("/swagger-ui.html"))) {
            browser.open(url);
            awaitText(browser, ".information-container .title", "Plan Ledger");
            browser.screenshot(OUT.resolve("screenshots").resolve("swagger-" + (url.contains(":" + ledger.commandPort)
                    ? "command" : "query") + ".png"));
            browser.policyMessages().forEach(message -> policyMessages.add(url + ": " + message));
        }
    }

    /**
     * The issue's forgery in a real browser: another site plants the CSRF cookie of a pair (cookie and masked token)
     * the attacker got from the pages with an account of its own, and its page sends the secretariat's browser to
     * record progress with that token. From another port of localhost the planted cookie arrives (cookies do not
     * keep ports apart, and it is the same site); from 127.0.0.1 nothing can be planted for localhost. The Origin
     * check refuses both, and the ledger does not grow.
     */
    @Test
    @Order(8)
    void aFormForgedOnAnotherSiteWithAPlantedCookieChangesNothing() throws IOException {
        Http.PageResponse attackers = Http.page("chair-slwg-a", ledger.queryUrl(PLAN + "/versions/2023-11/actions/1"));
        String cookie = attackers.cookies().stream().filter(c -> c.startsWith("__Host-XSRF-TOKEN=")).findFirst()
                .orElseThrow().split(";", 2)[0];
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(attackers.body());
        assertThat(field.find()).as("a form on the attacker's own page").isTrue();
        String page = """
                <!DOCTYPE html><html lang="en"><head><title>Prize draw</title></head><body><main>
                <form method="post" action="%s"><input type="hidden" name="_csrf" value="%s">
                <input type="hidden" name="summary" value="Forged by another site">
                <button id="forge" type="submit">Enter the draw</button></form></main></body></html>"""
                .formatted(ledger.queryUrl(ACTION_7 + "/progress"), field.group(1));
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", exchange -> {
            byte[] html = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", cookie + "; Path=/; Secure; SameSite=Lax");
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        evil.start();
        Browser browser = as("secretariat");
        long head = head();
        try {
            for (String site : List.of("localhost", "127.0.0.1")) {
                browser.open("http://" + site + ":" + evil.getAddress().getPort() + "/");
                if (site.equals("localhost")) {
                    assertThat(browser.driver.manage().getCookieNamed("__Host-XSRF-TOKEN").getValue())
                            .as("the planted cookie").isEqualTo(cookie.substring(cookie.indexOf('=') + 1));
                }
                browser.driver.findElement(By.id("forge")).click();
                awaitText(browser, "#form-refused", "This form was not accepted");
                browser.screenshot(OUT.resolve("screenshots").resolve("forged-form-from-" + site + ".png"));
            }
        } finally {
            evil.stop(0);
        }
        assertThat(head()).as("the ledger's head").isEqualTo(head);
    }

    @Test
    @Order(9)
    void noPageBrokeItsSecurityPolicies() {
        assertThat(policyMessages).as("console messages about CSP, Permissions-Policy or cookies").isEmpty();
    }

    /** The position of the newest event in the store. */
    private static long head() {
        return Http.getAs("auditor", ledger.queryUrl("/api/integrity/checkpoint")).body().path("position").asLong();
    }

    private static Browser as(String user) throws IOException {
        String key = user == null ? "anyone" : user;
        Browser browser = browsers.get(key);
        if (browser == null) {
            browser = new Browser(data.resolve("chromium-" + key));
            browsers.put(key, browser);
            if (user != null) {
                // HTTP Basic, as a person would type it into the browser's sign-in prompt.
                browser.open(ledger.queryUrl("/sign-in").replace("http://", "http://" + user + ":" + Http.PASSWORD + "@"));
                assertThat(browser.driver.findElement(By.id("navigation")).getText()).contains("Signed in as " + user);
            }
        }
        return browser;
    }

    private static void visit(Browser browser, String user, String path, String shot) throws IOException {
        browser.open(ledger.queryUrl(path));
        if (shot != null) {
            record(browser, user, path, shot);
        }
    }

    /** Screenshot, timing and axe results of the page the browser shows. */
    private static void record(Browser browser, String user, String page, String shot) throws IOException {
        browser.screenshot(OUT.resolve("screenshots").resolve(shot + ".png"));
        browser.policyMessages().forEach(message -> policyMessages.add(page + ": " + message));
        Map<String, Number> timing = browser.timing();
        Map<String, Integer> byImpact = new TreeMap<>();
        for (Map<String, Object> violation : browser.axeViolations()) {
            byImpact.merge(violation.get("impact") + " " + violation.get("id"), 1, Integer::sum);
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                Map<String, Object> found = new LinkedHashMap<>(violation);
                found.put("page", page);
                serious.add(found);
            }
        }
        pageRows.add("| " + page + " | " + (user == null ? "nobody" : user) + " | "
                + Math.round(timing.get("response").doubleValue()) + " | " + Math.round(timing.get("load").doubleValue())
                + " | " + (byImpact.isEmpty() ? "none" : byImpact.toString()) + " |");
    }

    /** Waits for the page a click leads to: until the element is there and says what it should. */
    private static void awaitText(Browser browser, String css, String expected) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.driver.findElement(By.cssSelector(css)).getText()).contains(expected));
    }

    /** The text of the element; when there is none, the page is kept under target/browser/missing/ to look at. */
    private static String text(Browser browser, String css) {
        try {
            return browser.driver.findElement(By.cssSelector(css)).getText();
        } catch (NoSuchElementException e) {
            try {
                Path page = OUT.resolve("missing").resolve(css.replaceAll("[^A-Za-z0-9-]", "") + ".html");
                Files.createDirectories(page.getParent());
                Files.writeString(page, browser.driver.getCurrentUrl() + "\n" + browser.driver.getPageSource());
                browser.screenshot(page.resolveSibling(page.getFileName() + ".png"));
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
    }
}
