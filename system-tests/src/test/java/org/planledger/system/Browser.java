package org.planledger.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), driven over WebDriver, with axe-core to check
 * pages for accessibility. Each instance is one browser profile, so one signed-in user.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static String axe;

    final ChromeDriver driver;
    private final ChromeDriverService service;

    Browser(Path profile) throws IOException {
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: Chromium must not try to reach Google's services at start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=en-GB", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createDirectories(profile));
        // The console, where Chromium reports what a page's Content-Security-Policy or Permissions-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Server time and full load time of the last navigation, in ms, from the browser's Navigation Timing. */
    Map<String, Number> timing() {
        @SuppressWarnings("unchecked")
        Map<String, Number> timing = (Map<String, Number>) ((JavascriptExecutor) driver).executeScript("""
                const n = performance.getEntriesByType('navigation')[0];
                return {response: n.responseEnd - n.requestStart, load: n.loadEventEnd - n.startTime};""");
        return timing;
    }

    /** axe-core's violations on the current page, each as id, impact, help and how many elements it found. */
    List<Map<String, Object>> axeViolations() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                    .then(result => done(result.violations.map(v =>
                        ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))))
                    .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: 0}]));""");
        return violations;
    }

    /**
     * What the console said since it was last asked about a security policy: a Content-Security-Policy refusal, a
     * Permissions-Policy error, a cookie refused.
     */
    List<String> policyMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Permissions-Policy")
                        || message.contains("Refused to") || message.contains("cookie"))
                .toList();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A picture of one SVG image, found by an element inside it (its title). */
    void screenshot(WebElement inside, Path file) throws IOException {
        WebElement svg = inside.findElement(By.xpath("./ancestor::*[local-name()='svg']"));
        Files.createDirectories(file.getParent());
        Files.write(file, svg.getScreenshotAs(OutputType.BYTES));
    }

    private static synchronized String axeSource() throws IOException {
        if (axe == null) {
            String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version") + "/axe.min.js";
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is not on the test classpath");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
