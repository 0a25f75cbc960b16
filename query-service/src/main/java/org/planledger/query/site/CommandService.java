package org.planledger.query.site;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the web forms' commands to the command service, as the signed-in user: the request's own Authorization
 * header goes with it, so the command service authenticates and authorises the user exactly as for an API call, and
 * records the user as the actor. Each form carries an Idempotency-Key made when the form was shown, so a form sent
 * twice (a double click, a resubmission after a lost answer) is recorded once.
 */
@Component
public class CommandService {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final JsonMapper json;

    public CommandService(@Value("${plan-ledger.command-service.url}") URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /**
     * POSTs {@code body} as JSON to {@code path} of the command service.
     *
     * @param ifMatch the version of the record the form showed, or null: a change made since is then a 409
     */
    public Outcome send(String path, Map<String, Object> body, String idempotencyKey, String ifMatch,
                        HttpServletRequest from) {
        // Both come from hidden fields the page wrote; anything else was altered on the way, and sending it without
        // them would record the change unguarded.
        if ((ifMatch != null && !ifMatch.isBlank() && !ifMatch.matches("[0-9]{1,18}"))
                || (idempotencyKey != null && !idempotencyKey.isBlank() && !idempotencyKey.matches("[A-Za-z0-9._:-]{1,100}"))) {
            return Outcome.failed(400, "This form has been altered",
                    "nothing was recorded; reload the page and send the form again");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        String authorization = from.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header(HttpHeaders.IF_MATCH, "\"" + ifMatch + "\"");
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            return Outcome.failed(503, "The command service is not answering",
                    "nothing was recorded; try again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(503, "The command service is not answering", "nothing was recorded");
        }
    }

    private Outcome outcome(int status, byte[] body) {
        if (status < 300) {
            long version = -1;
            try {
                version = json.readTree(body).path("version").asLong(-1);
            } catch (RuntimeException e) {
                // An answer without a version (none of the forms' commands gives one) cannot be waited for.
            }
            return new Outcome(status, null, null, Map.of(), version);
        }
        JsonNode problem;
        try {
            problem = json.readTree(body);
        } catch (RuntimeException e) {
            return Outcome.failed(status, "The command service refused the request", "status " + status);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        problem.path("errors").forEach(error ->
                fields.merge(error.path("field").asString(""), error.path("message").asString(""),
                        (a, b) -> a + "; " + b));
        return new Outcome(status, problem.path("title").asString("The request was refused"),
                problem.path("detail").asString(""), fields, -1);
    }

    /**
     * What the command service answered: success with the record's new version (-1 if it gave none), or its problem
     * with the message for each field it named.
     */
    public record Outcome(int status, String title, String detail, Map<String, String> fieldErrors, long version) {

        static Outcome failed(int status, String title, String detail) {
            return new Outcome(status, title, detail, Map.of(), -1);
        }

        public boolean succeeded() {
            return status < 300;
        }
    }
}
