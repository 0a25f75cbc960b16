package org.planledger.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/** The problem types this service answers with (documented in docs/api.md). */
public final class Problems {

    public static final URI INVALID_REQUEST = URI.create("urn:plan-ledger:problem:invalid-request");
    public static final URI NOT_FOUND = URI.create("urn:plan-ledger:problem:not-found");
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

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
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

    /** One field and what is wrong with it, e.g. {@code actions[3].timeframe}. */
    public record FieldError(String field, String message) {
    }
}
