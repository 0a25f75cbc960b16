package org.planledger.query;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Asserts the problem+json answers of the query API. */
final class Problems {

    private Problems() {
    }

    /** A GET of {@code uri} answers {@code status} as problem+json, with {@code detail} unless it is null. */
    static void expect(RestTestClient http, String uri, int status, String detail) {
        var body = http.get().uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (detail != null) {
            body.jsonPath("$.detail").isEqualTo(detail);
        }
    }
}
