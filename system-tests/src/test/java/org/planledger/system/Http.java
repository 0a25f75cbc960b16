package org.planledger.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for talking JSON to the running services. Every API answer is checked against the answering
 * service's OpenAPI description ({@link ApiDescriptions}).
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * {@code replayed}: the answer carried {@code Idempotent-Replayed: true}, a repeat of an earlier one;
     * {@code retryAfter}: its {@code Retry-After} header, or null.
     */
    record Response(int status, JsonNode body, boolean replayed, String retryAfter) {
    }

    private Http() {
    }

    /** The password of ./run.sh's demo accounts (DEMO_PASSWORD is not set in the tests). */
    static final String PASSWORD = "demo";

    /** A GET without signing in, as the public reads. */
    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null);
    }

    /** A GET signed in with a demo account. */
    static Response getAs(String user, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).GET(), null);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A GET whose answer is text (a CSV export, say), with its status and content type. */
    static TextResponse getText(String user, String url, String accept) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                    .header("Authorization", basic(user)).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiDescriptions.check(request, null, response, response.body());
            return new TextResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record TextResponse(int status, String contentType, String body) {
    }

    /** A web page as a signed-in user's browser gets it: its status, the cookies it sets, and its HTML. */
    static PageResponse page(String user, String url) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                    .header("Authorization", basic(user)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new PageResponse(response.statusCode(), response.headers().allValues("Set-Cookie"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record PageResponse(int status, List<String> cookies, String body) {
    }

    /** A GET without signing in whose answer is kept as bytes (a PDF, say), with the named header's value. */
    static BytesResponse getBytes(String url, String header) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiDescriptions.check(request, null, response, response.body());
            return new BytesResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue(header).orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record BytesResponse(int status, String contentType, String header, byte[] body) {
    }

    /** A POST signed in as the secretariat. */
    static Response post(String url, String json) {
        return post(url, json, Map.of());
    }

    static Response post(String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("secretariat"))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request, json);
    }

    private static Response send(HttpRequest.Builder builder, String body) {
        try {
            HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiDescriptions.check(request, body, response, response.body());
            return new Response(response.statusCode(), response.body().length == 0 ? null : JSON.readTree(response.body()),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
