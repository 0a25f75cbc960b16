package org.planledger.web.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A service's answers checked against its own OpenAPI description by an independent validator (Atlassian's
 * swagger-request-validator): the description is fetched from the running service once, and each exchange whose
 * path and method it describes is validated. An answer that does not match is a mismatch; so is a request the
 * service accepted (2xx) that the description says is not valid. A refused request may break the description's
 * rules, as that is why it was refused, but its answer must still be described.
 */
public final class ApiConformance {

    private static final Map<String, ApiConformance> BY_ORIGIN = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");

    private final String description;
    private final OpenAPI api;
    private final List<String> parserMessages;
    private final OpenApiInteractionValidator validator;
    private final Map<Pattern, Map<String, String>> operations =
            new TreeMap<>((a, b) -> a.pattern().compareTo(b.pattern()));
    private final Map<String, Set<Integer>> validated = new ConcurrentHashMap<>();
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answers = new AtomicInteger();

    private ApiConformance(String description) {
        this.description = description;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(description, null, options);
        this.parserMessages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        this.api = parsed.getOpenAPI();
        api.getPaths().forEach((path, item) -> {
            Map<String, String> byMethod = new TreeMap<>();
            item.readOperationsMap().forEach((method, operation) ->
                    byMethod.put(method.name(), operation.getOperationId()));
            operations.put(Pattern.compile(path.replaceAll("\\{[^}/]+}", "[^/]+")), byMethod);
        });
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(description).build();
    }

    /** The description the service at {@code origin} (such as {@code http://localhost:8081}) serves, fetched once. */
    public static ApiConformance of(String origin) {
        return BY_ORIGIN.computeIfAbsent(origin, o -> new ApiConformance(fetch(o + "/v3/api-docs")));
    }

    /** One request and its answer. Header names are as sent; bodies may be empty. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
                           int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {
    }

    /** Validates an exchange; answers what does not match, if anything (and keeps it among the mismatches). */
    public Optional<String> check(Exchange exchange) {
        Optional<String> operation = operationId(exchange.method(), exchange.uri().getRawPath());
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        ValidationReport report = validator.validate(request(exchange), response(exchange));
        List<String> faults = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> exchange.status() < 400 || !message.getKey().startsWith("validation.request"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
        validated.computeIfAbsent(operation.get(), o -> ConcurrentHashMap.newKeySet()).add(exchange.status());
        answers.incrementAndGet();
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        String mismatch = exchange.method() + " " + exchange.uri().getRawPath() + " -> " + exchange.status() + " "
                + faults + " body: " + abbreviated(new String(exchange.responseBody(), StandardCharsets.UTF_8));
        mismatches.add(mismatch);
        return Optional.of(mismatch);
    }

    /** The operation the description has for this method and path, if any. */
    public Optional<String> operationId(String method, String path) {
        return operations.entrySet().stream().filter(entry -> entry.getKey().matcher(path).matches())
                .map(entry -> entry.getValue().get(method)).filter(id -> id != null).findFirst();
    }

    public String description() {
        return description;
    }

    /** What the OpenAPI parser said of the description: nothing, if it is valid. */
    public List<String> parserMessages() {
        return parserMessages;
    }

    /**
     * What the description breaks of the rules docs/api.md sets for it: OpenAPI 3.0; each operation has an id of
     * its own made of words (a verb and a noun, such as getPlanStatus), a security requirement (empty if public),
     * and the errors every operation can give, each problem+json with the Problem schema; every pattern anchored.
     */
    public List<String> breaches() {
        List<String> breaches = new ArrayList<>();
        if (!api.getOpenapi().startsWith("3.0.")) {
            breaches.add("OpenAPI " + api.getOpenapi() + ", not 3.0");
        }
        Set<String> ids = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getOperationId() == null || !OPERATION_ID.matcher(operation.getOperationId()).matches()
                    || !ids.add(operation.getOperationId())) {
                breaches.add(name + ": operation id " + operation.getOperationId());
            }
            if (operation.getSecurity() == null) {
                breaches.add(name + ": no security requirement");
            }
            for (String status : List.of("400", "401", "406", "500", "503")) {
                if (!operation.getResponses().containsKey(status)) {
                    breaches.add(name + ": no " + status);
                }
            }
            operation.getResponses().forEach((status, response) -> {
                var problem = response.getContent() == null ? null : response.getContent().get("application/problem+json");
                if (status.compareTo("400") >= 0 && (problem == null || response.getContent().size() != 1
                        || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref()))) {
                    breaches.add(name + ": " + status + " is not a Problem");
                }
            });
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> patterns(name + " " + parameter.getName(),
                        parameter.getSchema(), breaches));
            }
        }));
        api.getComponents().getSchemas().forEach((name, schema) -> patterns(name, schema, breaches));
        return breaches;
    }

    private static void patterns(String where, io.swagger.v3.oas.models.media.Schema<?> schema, List<String> breaches) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            breaches.add(where + ": pattern " + schema.getPattern() + " is not anchored");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> patterns(where + "." + name, property, breaches));
        }
        patterns(where + "[]", schema.getItems(), breaches);
    }

    /** An operation as described: its address, whether it needs signing in, and which roles it names. */
    public record Described(String method, String path, String operationId, boolean secured, List<String> roles) {
    }

    public List<Described> described() {
        List<Described> described = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String text = operation.getDescription() == null ? "" : operation.getDescription();
            List<String> roles = java.util.stream.Stream.of("SECRETARIAT", "AUDITOR", "CHAIR")
                    .filter(role -> text.contains("Signed in with the role") && text.contains(role)).toList();
            described.add(new Described(method.name(), path, operation.getOperationId(),
                    operation.getSecurity() != null && !operation.getSecurity().isEmpty(), roles));
        }));
        return described;
    }

    /** The operation described for this method and concrete path. */
    public Optional<Described> describedAt(String method, String path) {
        return operationId(method, path).flatMap(id -> described().stream()
                .filter(operation -> operation.operationId().equals(id)).findFirst());
    }

    /** Every operation the description has. */
    public Set<String> operationIds() {
        Set<String> ids = new TreeSet<>();
        operations.values().forEach(byMethod -> ids.addAll(byMethod.values()));
        return ids;
    }

    /** The statuses validated so far, by operation. */
    public Map<String, Set<Integer>> validated() {
        return new TreeMap<>(validated);
    }

    /** How many answers have been validated. */
    public int validatedCount() {
        return answers.get();
    }

    public List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    private static Request request(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.uri().getRawPath());
        String query = exchange.uri().getRawQuery();
        if (query != null) {
            Map<String, List<String>> parameters = new TreeMap<>();
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.computeIfAbsent(decode(parts[0]), p -> new ArrayList<>())
                        .add(parts.length > 1 ? decode(parts[1]) : "");
            }
            parameters.forEach(request::withQueryParam);
        }
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
