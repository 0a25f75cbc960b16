package org.planledger.query.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.query.Ledger;
import org.planledger.query.QueryServiceTest;
import org.planledger.query.site.PageController;
import org.planledger.web.hostile.HostileRequests;
import org.planledger.web.hostile.HostileTally;
import org.planledger.web.hostile.RawHttp;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query service's part of the hostile-input suite, over real HTTP: hostile values for every parameter and path
 * variable of every GET the service maps (the API and the pages), hostile form posts to the pages, and hostile
 * paths, query strings, headers, request lines and methods around an API call and a page. An API answer that is an
 * error must be problem+json; a page may answer with the site's own HTML error page instead; none may be a 5xx, and
 * nothing may be appended to the store. The figures are printed.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Values for any parameter: dates and instants out of range or malformed, numbers, encodings, injections. */
    private static final List<String> VALUES = List.of("%2B999999999-12-31", "-999999999-01-01", "0000-01-01",
            "1899-12-31", "10000-01-01", "2024-02-30", "2024-13-01", "2024-1-1", "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00", "2024-01-01T00:00:00%2B25:00", "9999-12-31T23:59:59-18:00",
            "1900-01-01T00:00:00%2B18:00", "2024-01-01T00:00:00.123456789123Z", "1e10", "-1", "0", "99999999999999999999",
            "1.5", "NaN", "", "%20", "%00", "a%00b", "%C2%9B", "%EF%BF%BF", "%ED%A0%80", "%C0%A2", "%zz", "%", "%3Cscript%3E",
            "%27%20OR%201%3D1%20--", "%5B%5D", "true", "x".repeat(5_000), "%F0%9F%9A%80", "a/b/c", "..%2F..%2Fetc");
    /** Values for a path variable, percent-encoded as a path would carry them. */
    private static final List<String> SEGMENTS = List.of("Chronic_Pain", "UPPER", "%00", "%C2%9B", "%EF%BF%BF",
            "x".repeat(300), "0", "-1", "1000", "1e3", "99999999999999999999", "%20", "%2e%2e", "%3Cscript%3E",
            "%27%20OR%201%3D1", "%F0%9F%9A%80", "a.b", "a:b", "a@b", "%E2%80%AE");
    /** What the audit pages read from their Map of parameters. */
    private static final List<String> AUDIT_FILTERS = List.of("actor", "from", "to", "action", "type", "decision", "cursor");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @LocalServerPort
    int port;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    RequestMappingHandlerAdapter adapter;

    private HostileTally suite;
    private final Map<String, String> real = new TreeMap<>();

    @BeforeAll
    void recordAPlanAndStartCounting() {
        String plan = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String body = plan + "-group";
        String meeting = plan + "-meeting";
        ActionRef action = new ActionRef(plan, "2023-11", 1);
        ledger.append(new BodyEstablished(body, BodyKind.SHORT_LIFE_WORKING_GROUP, "Group", null, "A", null), "secretariat");
        ledger.append(new PlanVersionPublished(plan, "2023-11", "Plan", LocalDate.of(2023, 11, 1),
                List.of(new Aim("A", "Aim", "statement"))), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ActionPublished(action, "A", "Action", null, Timeframe.SHORT, body, ActionStatus.NOT_STARTED,
                List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ProgressRecorded(action, "<script>alert(1)</script> \u202Eevil 🚀", List.of()), "secretariat");
        ledger.append(new MeetingScheduled(meeting, body, LocalDate.of(2024, 1, 15), "January"), "secretariat");
        ledger.append(new DecisionRecorded(meeting + "-D1", meeting, "decided", List.of(action)), "secretariat");
        real.putAll(Map.of("planId", plan, "versionId", "2023-11", "number", "1", "bodyId", body, "meetingId", meeting,
                "decisionId", meeting + "-D1", "personId", "secretariat"));
        await().atMost(Duration.ofSeconds(30)).until(() -> RawHttp.send(port, RawHttp.request("GET",
                "/api/decisions/" + meeting + "-D1", Map.of("Authorization", TestIdentities.basic("auditor")), null))
                .status() == 200);
        suite = new HostileTally("query service", () -> jdbc.sql("SELECT count(*) FROM events.domain_event_entry")
                .query(Long.class).single());
    }

    @AfterAll
    void printTheFigures() {
        suite.report();
    }

    @Test
    void refusesHostileParametersAndPathVariablesEverywhere() {
        HostileTally tally = suite.part("parameters and path variables");
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(30);
        for (Endpoint endpoint : endpoints) {
            for (String parameter : endpoint.parameters()) {
                for (String value : VALUES) {
                    send(tally, endpoint, endpoint.path(real) + "?" + parameter + "=" + value);
                }
                send(tally, endpoint, endpoint.path(real) + "?" + parameter + "=2024-01-01&" + parameter + "=2025-01-01");
            }
            for (String variable : endpoint.variables()) {
                for (String segment : SEGMENTS) {
                    Map<String, String> hostile = new TreeMap<>(real);
                    hostile.put(variable, segment);
                    send(tally, endpoint, endpoint.path(hostile));
                }
            }
        }
        tally.report();
    }

    @Test
    void speaksOnlyTheFormatsTheApiDocuments() {
        HostileTally tally = suite.part("formats");
        for (String format : List.of("application/yaml", "application/xml", "text/xml", "application/cbor",
                "application/x-jackson-smile")) {
            RawHttp.Answer answer = tally.api("Accept " + format, () -> RawHttp.send(port, RawHttp.request("GET",
                    "/api/plans/" + real.get("planId") + "/status", Map.of("Accept", format), null)));
            assertThat(answer.status()).as(format).isEqualTo(406);
        }
        tally.report();
        assertThat(adapter.getMessageConverters()).flatMap(converter -> converter.getSupportedMediaTypes())
                .extracting(type -> type.getSubtypeSuffix() == null ? type.getSubtype() : type.getSubtypeSuffix())
                .doesNotContain("yaml", "xml", "cbor", "x-jackson-smile");
    }

    @Test
    void refusesHostileFormsToThePages() {
        HostileTally tally = suite.part("page forms");
        List<String> forms = List.of("/plans/" + real.get("planId") + "/versions/2023-11/actions/1/progress",
                "/plans/" + real.get("planId") + "/versions/2023-11/actions/1/ownership", "/meetings",
                "/meetings/" + real.get("meetingId") + "/decisions");
        for (String form : forms) {
            for (Map.Entry<String, String> body : List.of(Map.entry("application/x-www-form-urlencoded", "summary=%zz"),
                    Map.entry("application/x-www-form-urlencoded", "summary=a%00b&status=IN_PROGRESS"),
                    Map.entry("application/x-www-form-urlencoded", "summary=%C0%A2"),
                    Map.entry("application/x-www-form-urlencoded", "summary=" + "x".repeat(300_000)),
                    Map.entry("application/x-www-form-urlencoded; charset=ISO-8859-1", "summary=caf%E9"),
                    Map.entry("application/x-www-form-urlencoded", "p=1&".repeat(1_500)),
                    Map.entry("application/json", "{\"summary\": \"x\"}"),
                    Map.entry("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"summary\"\r\n\r\nx\r\n--x--"),
                    Map.entry("*/*", "summary=x"),
                    Map.entry("application/x-www-form-urlencoded", "summary=x"))) {
                Map<String, String> headers = new LinkedHashMap<>(browser());
                headers.put("Content-Type", body.getKey());
                headers.put("Authorization", TestIdentities.basic("secretariat"));
                tally.page("POST " + form + " <- " + body.getKey() + " " + abbreviated(body.getValue()), () -> RawHttp.send(port,
                        RawHttp.request("POST", form, headers, body.getValue().getBytes(StandardCharsets.UTF_8))));
            }
        }
        tally.report();
    }

    @Test
    void refusesHostileHttpWithProblemsOrTheSitesErrorPage() {
        HostileTally tally = suite.part("paths, parameters, headers, request lines, methods");
        Map<String, String> auditor = Map.of("Authorization", TestIdentities.basic("auditor"));
        for (HostileRequests.Hostile hostile : HostileRequests.around("GET", "/api/plans/" + real.get("planId") + "/status",
                Map.of(), null)) {
            tally.api(hostile.kind(), () -> RawHttp.send(port, hostile.bytes()));
        }
        for (HostileRequests.Hostile hostile : HostileRequests.around("GET", "/api/audit", auditor, null)) {
            tally.api(hostile.kind(), () -> RawHttp.send(port, hostile.bytes()));
        }
        Map<String, String> browser = new LinkedHashMap<>(browser());
        browser.putAll(auditor);
        for (HostileRequests.Hostile hostile : HostileRequests.around("GET", "/plans/" + real.get("planId"), browser, null)) {
            tally.page(hostile.kind(), () -> RawHttp.send(port, hostile.bytes()));
        }
        tally.report();
    }

    private void send(HostileTally tally, Endpoint endpoint, String target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", TestIdentities.basic(endpoint.pattern().startsWith("/api/admin") ? "secretariat" : "auditor"));
        if (endpoint.page()) {
            headers.putAll(browser());
            tally.page("GET " + abbreviated(target), () -> RawHttp.send(port, RawHttp.request("GET", target, headers, null)));
        } else {
            tally.api("GET " + abbreviated(target), () -> RawHttp.send(port, RawHttp.request("GET", target, headers, null)));
        }
    }

    private static Map<String, String> browser() {
        return Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0");
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "… (" + text.length() + " characters)" : text;
    }

    /** Every GET the service maps, with the query parameters its handler reads. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            if (!methods.contains(RequestMethod.GET)) {
                continue;
            }
            HandlerMethod handler = mapping.getValue();
            boolean page = handler.getBeanType().isAnnotationPresent(PageController.class);
            Set<String> parameters = new LinkedHashSet<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                    parameters.addAll(AUDIT_FILTERS);
                } else if (param != null) {
                    parameters.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
                }
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || page) {
                    endpoints.add(new Endpoint(pattern, page, List.copyOf(parameters)));
                }
            }
        }
        return endpoints;
    }

    private record Endpoint(String pattern, boolean page, List<String> parameters) {
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        String path(Map<String, String> values) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "x")));
            }
            return matcher.appendTail(path).toString();
        }
    }
}
