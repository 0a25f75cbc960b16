package org.planledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** The problem types this service answers with (documented in docs/api.md). */
public final class Problems {

    public static final URI INVALID_REQUEST = URI.create("urn:plan-ledger:problem:invalid-request");
    public static final URI NOT_FOUND = URI.create("urn:plan-ledger:problem:not-found");
    public static final URI METHOD_NOT_ALLOWED = URI.create("urn:plan-ledger:problem:method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create("urn:plan-ledger:problem:not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:plan-ledger:problem:unsupported-media-type");
    public static final URI CONFLICT = URI.create("urn:plan-ledger:problem:conflict");
    public static final URI RULE_VIOLATION = URI.create("urn:plan-ledger:problem:rule-violation");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:plan-ledger:problem:idempotency-key-reused");
    public static final URI UNAUTHENTICATED = URI.create("urn:plan-ledger:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:plan-ledger:problem:forbidden");
    public static final URI CROSS_SITE = URI.create("urn:plan-ledger:problem:cross-site-request");
    public static final URI TOO_MANY_SIGN_INS = URI.create("urn:plan-ledger:problem:too-many-sign-ins");
    public static final URI TOO_LARGE = URI.create("urn:plan-ledger:problem:too-large");
    public static final URI UNAVAILABLE = URI.create("urn:plan-ledger:problem:unavailable");
    public static final URI INTERNAL_ERROR = URI.create("urn:plan-ledger:problem:internal-error");

    private static final int MAX_INSTANCE_LENGTH = 200;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** The type of a problem known only by its status, such as one Spring or the servlet container raised. */
    public static URI typeOf(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413, 414, 431 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_SIGN_INS;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }

    /** The title of a problem known only by its status: the one its type has elsewhere, or the reason phrase. */
    public static String titleOf(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "Invalid request";
            case 401 -> "Not signed in";
            case 403 -> "Not permitted";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413, 414, 431 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many failed sign-ins";
            case 500 -> "Internal error";
            case 503 -> "Service unavailable";
            default -> status.getReasonPhrase();
        };
    }

    /** A problem known only by its status, such as one the servlet container or the firewall raised. */
    public static ProblemDetail ofStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus resolved = known == null ? (status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST) : known;
        return of(resolved, typeOf(resolved.value()), titleOf(resolved), detail);
    }

    /** A 413 for a body over the limit. */
    public static ProblemDetail tooLarge(long maxBytes) {
        return of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Request too large",
                "the request body is larger than " + maxBytes + " bytes; nothing was changed");
    }

    /** A 400 that names each field at fault. */
    public static ProblemDetail invalid(List<FieldError> unsorted) {
        List<FieldError> errors = unsorted.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * Writes a problem where Spring MVC does not (a filter, Spring Security, the servlet container), with the
     * request's path as its {@code instance} as Spring MVC gives it.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
                             ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /**
     * A request's path as a problem's {@code instance}: cut to 200 characters, and anything a URI may not hold
     * percent-encoded, as the path may be the very thing that was refused.
     */
    public static URI instance(String path) {
        if (path == null || path.isEmpty()) {
            return URI.create("/");
        }
        String cut = path.length() > MAX_INSTANCE_LENGTH ? path.substring(0, MAX_INSTANCE_LENGTH) : path;
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < cut.length(); i += Character.charCount(cut.codePointAt(i))) {
            int c = cut.codePointAt(i);
            boolean escape = c == '%' && i + 2 < cut.length() && isHex(cut.charAt(i + 1)) && isHex(cut.charAt(i + 2));
            if (escape || (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0))) {
                safe.append((char) c);
            } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return URI.create(safe.toString());
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    /** One field and what is wrong with it, e.g. {@code actions[3].timeframe}. */
    public record FieldError(String field, String message) {
    }
}
