package org.planledger.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error answers of every operation, all {@code application/problem+json} with the {@code Problem} schema
 * (docs/api.md, "Errors"). Which statuses an operation can give follows from the operation: any request can be
 * malformed (400), ask for a type the service does not give (406), meet a fault (500) or an unreachable database
 * (503), or carry credentials that are not valid (401); one with an address variable can name nothing (404), one
 * with a body can send too much (413) or the wrong type (415), one that changes something can come from another
 * site (403), one that needs signing in can be refused (401, 403), and where passwords are checked they can be
 * throttled (429). What only some operations give (409, 422) the controllers declare, and this gives it the same
 * content.
 */
final class ErrorAnswers {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private ErrorAnswers() {
    }

    static void addProblem(OpenAPI openApi) {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("a JSON path such as actions[3].timeframe, or a "
                        + "parameter's or header's name"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; docs/api.md lists every type")
                .addProperty("type", new StringSchema().format("uri")
                        .example("urn:plan-ledger:problem:invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the request's path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(ref("ProblemField")))
                        .description("each field or parameter at fault, where one is known (400)"))
                .required(List.of("type", "title", "status", "detail", "instance"));
        openApi.getComponents().addSchemas(PROBLEM, problem).addSchemas("ProblemField", field);
    }

    static void add(Operation operation, String path, String method, boolean secured, boolean passwords) {
        ApiResponses responses = operation.getResponses();
        add(responses, "400", "The request is malformed, or a parameter, header or field is not valid; errors names "
                + "each one");
        add(responses, "401", secured ? "Not signed in, or the credentials are not valid"
                : "Credentials were sent and are not valid (none are needed here)");
        boolean changes = !method.equals("GET");
        if (secured || changes) {
            add(responses, "403", secured && changes ? "The role does not permit this, or the request came from "
                    + "another site's page" : secured ? "The role does not permit this"
                    : "The request came from another site's page");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing is at this address");
        }
        add(responses, "406", "The Accept header asks for a type this operation does not answer with");
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is over the size limit");
            add(responses, "415", "The body is not application/json in UTF-8");
        }
        if (passwords) {
            add(responses, "429", "Too many failed sign-ins under this user name or from this address; Retry-After "
                    + "says in how many seconds to try again");
        }
        add(responses, "500", "A fault of the service's; detail carries a reference to find it in the log");
        add(responses, "503", "The database could not be reached or is out of resources, or the read models are being "
                + "rebuilt; Retry-After says when to try again");
        responses.forEach((status, response) -> {
            if (status.charAt(0) == '4' || status.charAt(0) == '5') {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(ref(PROBLEM)))));
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject("Retry-After", new Header().description("seconds to wait")
                            .schema(new IntegerSchema()));
                }
            }
        });
        Map<String, ApiResponse> ordered = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(ordered);
    }

    private static void add(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse());
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
    }

    static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }
}
