package org.planledger.command.web;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandEndpoints;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.planledger.web.HostileTally;
import org.planledger.web.PublicUrl;
import org.planledger.web.RawHttp;
import org.planledger.web.security.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands sent by a browser from another site, with the secretariat's valid credentials (as a browser holding them
 * would send): every command endpoint, and progress on a real action with a valid body, so an accepted forgery would
 * append. Each forgery differs from a request that is recorded only in what it says of where it comes from.
 */
@CommandServiceTest
class HostileCrossSiteTest {

    @Autowired
    StoredEvents stored;
    @Autowired
    Governance governance;
    @Autowired
    PublicUrl site;
    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void refusesEveryCommandFromAnotherSiteAndAppendsNothing() {
        String progress = "/api/plans/" + governance.plan("cross-site", 1, null) + "/versions/2023-11/actions/1/progress";
        Map<String, String> bodies = new LinkedHashMap<>();
        CommandEndpoints.aimedAtNothing(mappings).forEach(endpoint -> bodies.put(endpoint, "{}"));
        bodies.put(progress, "{\"summary\": \"forged from another site\"}");
        HostileTally tally = new HostileTally("cross-site commands", answer -> answer.isProblem()
                && answer.body().contains("urn:plan-ledger:problem:cross-site-request"));

        long before = stored.count();
        bodies.forEach((endpoint, body) -> forgeries().forEach((forgery, headers) ->
                tally.refused(forgery + " -> " + endpoint, 403, post(endpoint, headers, body))));
        tally.assertClean(stored.count() - before);

        // The same request from the service's own origin (Swagger UI), or from a client that names none, is recorded.
        assertThat(post(progress, Map.of("Origin", site.origin()), "{\"summary\": \"from Swagger UI\"}").status())
                .isEqualTo(201);
        assertThat(post(progress, Map.of(), "{\"summary\": \"from curl\"}").status()).isEqualTo(201);
        assertThat(stored.count()).isEqualTo(before + 2);
    }

    @Test
    void saysWhereTheRequestCameFromAndWhereItShouldHave() {
        RawHttp.Answer refused = post("/api/bodies", Map.of("Origin", "https://evil.example"), "{}");
        assertThat(refused.body()).contains("\"title\":\"Cross-site request refused\"")
                .contains("the request comes from https://evil.example, not from " + site.origin());
    }

    /** Ways another site's page could send a command, each by what it says of where it comes from. */
    private Map<String, Map<String, String>> forgeries() {
        String other = site.origin().replaceFirst(":\\d+$", "") + ":" + (port + 1);
        Map<String, Map<String, String>> forgeries = new LinkedHashMap<>();
        forgeries.put("another site", Map.of("Origin", "https://evil.example"));
        forgeries.put("an opaque origin", Map.of("Origin", "null"));
        forgeries.put("another port", Map.of("Origin", other));
        forgeries.put("https for http", Map.of("Origin", site.origin().replace("http:", "https:")));
        forgeries.put("the address instead of the name", Map.of("Origin", site.origin().replace("localhost", "127.0.0.1")));
        forgeries.put("only a Referer from another site", Map.of("Referer", "https://evil.example/" + site.origin()));
        forgeries.put("another site with our Referer", Map.of("Origin", "https://evil.example",
                "Referer", site.origin() + "/swagger-ui/index.html"));
        return forgeries;
    }

    private RawHttp.Answer post(String path, Map<String, String> from, String body) {
        Map<String, String> headers = new LinkedHashMap<>(from);
        headers.put("Authorization", TestIdentities.basic("secretariat"));
        headers.put("Content-Type", "application/json");
        return RawHttp.send("127.0.0.1", port, "POST", path, headers, body);
    }
}
