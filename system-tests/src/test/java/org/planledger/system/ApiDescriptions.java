package org.planledger.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the system tests get from the services' APIs, checked against the OpenAPI description the answering
 * service serves ({@code /v3/api-docs}, fetched once per service) by an independent validator, Atlassian's
 * swagger-request-validator. A mismatch fails the request that got it. Addresses the description does not have
 * (the web pages, health) are not checked. A refused request may break the description's rules (that is why it was
 * refused); one the service accepted must not. Registered for every test class (META-INF/services), it prints the
 * running count after each and fails a class that got an answer not as described.
 */
public final class ApiDescriptions implements BeforeAllCallback, AfterAllCallback {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, OpenApiInteractionValidator> BY_ORIGIN = new ConcurrentHashMap<>();
    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final List<String> MISMATCHES = new CopyOnWriteArrayList<>();

    /** Checks one exchange; {@code requestBody} is what was sent (null for none). */
    static void check(HttpRequest request, String requestBody, HttpResponse<?> response, byte[] body) {
        URI uri = request.uri();
        if (!uri.getRawPath().startsWith("/api/")) {
            return;
        }
        String service = uri.getScheme() + "://" + uri.getRawAuthority();
        OpenApiInteractionValidator validator = BY_ORIGIN.computeIfAbsent(service, origin -> OpenApiInteractionValidator
                .createForInlineApiSpecification(fetch(origin + "/v3/api-docs")).build());
        SimpleRequest.Builder described = new SimpleRequest.Builder(request.method(), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                described.withQueryParam(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        request.headers().map().forEach(described::withHeader);
        if (requestBody != null && !requestBody.isEmpty()) {
            described.withBody(requestBody);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (body.length > 0) {
            answer.withBody(body);
        }
        ValidationReport report = validator.validate(described.build(), answer.build());
        List<String> faults = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> response.statusCode() < 400 || !message.getKey().startsWith("validation.request"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
        VALIDATED.incrementAndGet();
        if (!faults.isEmpty()) {
            String mismatch = request.method() + " " + uri.getRawPath() + " -> " + response.statusCode() + " " + faults;
            MISMATCHES.add(mismatch);
            throw new AssertionError("not as the OpenAPI description says: " + mismatch);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.GLOBAL).put(ApiDescriptions.class, MISMATCHES.size());
    }

    /** Fails the test class if any answer it got did not match, even one whose failure was caught on the way. */
    @Override
    public void afterAll(ExtensionContext context) {
        System.out.printf("OpenAPI: %d answers validated against the services' own descriptions so far, "
                + "%d mismatches%n", VALIDATED.get(), MISMATCHES.size());
        int before = context.getStore(ExtensionContext.Namespace.GLOBAL).get(ApiDescriptions.class, Integer.class);
        assertThat(MISMATCHES.subList(before, MISMATCHES.size())).as("answers not as the services' OpenAPI "
                + "descriptions say").isEmpty();
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(url).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
