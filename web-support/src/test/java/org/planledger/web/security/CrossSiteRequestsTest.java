package org.planledger.web.security;

import org.junit.jupiter.api.Test;
import org.planledger.web.PublicUrl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests the cross-site check lets through, for the API and for the web pages. */
class CrossSiteRequestsTest {

    private static final PublicUrl SITE = new PublicUrl("http://localhost:8082", new MockEnvironment());

    private final List<AccessDeniedException> refused = new ArrayList<>();

    @Test
    void letsThroughWhatComesFromTheSiteAndRefusesWhatComesFromAnywhereElse() {
        Map<Map<String, String>, Boolean> cases = Map.of(
                Map.of("Origin", "http://localhost:8082"), true,
                Map.of("Referer", "http://localhost:8082/plans/chronic-pain?asOf=2024-01-01"), true,
                Map.of("Origin", "https://evil.example"), false,
                Map.of("Origin", "null"), false,
                Map.of("Origin", "http://localhost:8083"), false,
                Map.of("Origin", "https://localhost:8082"), false,
                Map.of("Origin", "http://127.0.0.1:8082"), false,
                Map.of("Referer", "https://evil.example/localhost:8082"), false,
                // Origin decides when both are there.
                Map.of("Origin", "https://evil.example", "Referer", "http://localhost:8082/"), false);
        cases.forEach((headers, allowed) -> {
            assertThat(passes(request("POST", headers), false)).as("API " + headers).isEqualTo(allowed);
            assertThat(passes(request("POST", headers), true)).as("pages " + headers).isEqualTo(allowed);
        });
    }

    @Test
    void aRequestThatSaysNothingOfWhereItComesFromIsAnApiClientsAndNotAPages() {
        assertThat(passes(request("POST", Map.of()), false)).isTrue();
        assertThat(passes(request("POST", Map.of()), true)).isFalse();
        assertThat(refused).singleElement().satisfies(e -> assertThat(e).isInstanceOf(CrossSiteRequests.Refused.class));
    }

    @Test
    void readsAreNeverRefusedAndEveryOtherMethodIsChecked() {
        for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE")) {
            assertThat(passes(request(method, Map.of("Origin", "https://evil.example")), true)).as(method).isTrue();
        }
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "PROPFIND")) {
            assertThat(passes(request(method, Map.of("Origin", "https://evil.example")), false)).as(method).isFalse();
        }
    }

    @Test
    void twoOriginsAreRefused() {
        MockHttpServletRequest request = request("POST", Map.of("Origin", "http://localhost:8082"));
        request.addHeader("Origin", "https://evil.example");
        assertThat(passes(request, false)).isFalse();
    }

    private boolean passes(MockHttpServletRequest request, boolean browsersOnly) {
        MockFilterChain chain = new MockFilterChain();
        try {
            new CrossSiteRequests(SITE, browsersOnly, (req, res, e) -> refused.add(e))
                    .doFilter(request, new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return chain.getRequest() != null;
    }

    private static MockHttpServletRequest request(String method, Map<String, String> headers) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/plans/chronic-pain/versions/2023-11/actions/7/progress");
        headers.forEach(request::addHeader);
        return request;
    }
}
