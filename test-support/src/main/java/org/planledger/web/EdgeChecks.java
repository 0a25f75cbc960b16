package org.planledger.web;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What both services' edge tests check and send. */
public final class EdgeChecks {

    /** Every header a client could use to name another host. */
    public static final Map<String, String> ANOTHER_HOST = Map.of("Host", "evil.example",
            "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443",
            "Forwarded", "host=evil.example;proto=https");

    private EdgeChecks() {
    }

    /**
     * The browser security headers, with {@code policy} as the one Content-Security-Policy and
     * {@code permissionsPolicy} (web-support's {@code WebEdge.PERMISSIONS_POLICY}; passed in, since this module comes
     * before web-support, whose own tests use it).
     */
    public static void assertSecurityHeaders(String what, RawHttp.Answer answer, String policy, String permissionsPolicy) {
        assertThat(answer.headers().get("Content-Security-Policy")).as(what).containsExactly(policy);
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
        assertThat(answer.header("Permissions-Policy")).as(what).isEqualTo(permissionsPolicy);
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    }

    /** The servers the service's OpenAPI description names when asked with {@link #ANOTHER_HOST}. */
    public static List<String> openApiServers(int port) {
        RawHttp.Answer description = RawHttp.send("127.0.0.1", port, "GET", "/v3/api-docs", ANOTHER_HOST, null);
        return JsonMapper.builder().build().readTree(description.body()).path("servers").findValuesAsString("url");
    }

    /**
     * The answer to {@code method path} under a fresh name whose failures are used up, each failure sent from an
     * address of its own so the test's own address is not throttled.
     */
    public static RawHttp.Answer throttled(int port, int failures, String method, String path, Map<String, String> headers) {
        String user = "chair-throttled-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> wrong = new LinkedHashMap<>(headers);
        wrong.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8)));
        String body = method.equals("GET") ? null : "{}";
        for (int i = 0; i < failures; i++) {
            RawHttp.send(RawHttp.freshAddress(), port, method, path, wrong, body);
        }
        return RawHttp.send(RawHttp.freshAddress(), port, method, path, wrong, body);
    }
}
