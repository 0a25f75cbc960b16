package org.planledger.web.openapi;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a test context's HTTP client check every answer it gets against the service's own OpenAPI description
 * ({@link ApiConformance}): an answer the description does not describe fails the test that asked for it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CheckedAnswers {

    @Bean
    RestTestClientBuilderCustomizer answersAsDescribed() {
        return builder -> builder.requestInterceptor(interceptor());
    }

    /**
     * Fetches the description as soon as the service is up, so that springdoc's first, slow build of it is not paid
     * inside some test's wait for a projection.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> describedOnceReady() {
        return ready -> ApiConformance.of("http://localhost:"
                + ready.getApplicationContext().getEnvironment().getProperty("local.server.port"));
    }

    /** The check itself, for a client a test builds of its own (an anonymous one, say). */
    public static ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            ClientHttpResponse response = execution.execute(request, body);
            byte[] answer = response.getBody().readAllBytes();
            String origin = request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
            if (!request.getURI().getRawPath().startsWith("/v3/api-docs")) {
                ApiConformance.of(origin).check(new ApiConformance.Exchange(request.getMethod().name(),
                        request.getURI(), headers(request.getHeaders()), body, response.getStatusCode().value(),
                        headers(response.getHeaders()), answer)).ifPresent(mismatch -> {
                            throw new AssertionError("not as the OpenAPI description says: " + mismatch);
                        });
            }
            return new Buffered(response, answer);
        };
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach(copy::put);
        return copy;
    }

    /** The answer with its body already read, for the test to read again. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
