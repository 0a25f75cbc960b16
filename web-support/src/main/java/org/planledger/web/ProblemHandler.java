package org.planledger.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The failures every Plan Ledger service answers the same way, as {@code application/problem+json}: a client's
 * mistake gets a 4xx naming each field at fault; anything unexpected a 500 with a reference to the log and
 * nothing from inside the service (no stack trace, no class name). Each service has one handler, extending this.
 */
public abstract class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI BLANK = URI.create("about:blank");

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest e) {
        return Problems.invalid(List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e) {
        return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Not permitted", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<ProblemDetail> failed(Exception e) {
        return failure(e);
    }

    /**
     * The answer to a failure nothing else explains: 503 with Retry-After when the database is unreachable or out of
     * resources, otherwise a 500 naming a reference to the log.
     */
    public static ResponseEntity<ProblemDetail> failure(Throwable e) {
        if (DatabaseFailures.unreachable(e)) {
            // The database is restarting or failing over: say so, and when to try again, rather than a bare 500.
            log.warn("The database is not answering: {}", e.toString());
            return unavailable(2, "Database unavailable", "the database is not answering, so whether this request was "
                    + "recorded is not known. Send it again in a moment with the same Idempotency-Key: it is recorded once");
        }
        if (DatabaseFailures.outOfResources(e)) {
            // A full disk, no memory, too many connections: not the client's mistake, and not over in two seconds.
            log.error("The database is out of resources: {}", e.toString());
            return unavailable(30, "Database out of resources", "the database has run out of room or resources (disk "
                    + "space, memory or connections), so nothing of this request was saved. Send it again later with "
                    + "the same Idempotency-Key: it is recorded once");
        }
        return ResponseEntity.internalServerError().body(unexpected(e));
    }

    private static ResponseEntity<ProblemDetail> unavailable(int retryAfterSeconds, String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, title, detail));
    }

    /** Whether the database cannot serve the request now (unreachable or out of resources): 503, not 500. */
    public static boolean databaseUnavailable(Throwable e) {
        return DatabaseFailures.unreachable(e) || DatabaseFailures.outOfResources(e);
    }

    /** A 500 naming a reference to the log, and nothing of the service's insides. */
    private static ProblemDetail unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Internal error",
                "the request could not be completed; nothing was changed. Reference: " + reference);
    }

    /** Spring's own answers (405, 406, 415, …) carry no type of ours; give them one, so every problem has a type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || BLANK.equals(problem.getType()))) {
            problem.setType(Problems.typeOf(status.value()));
            HttpStatus known = HttpStatus.resolve(status.value());
            if (known != null) {
                problem.setTitle(Problems.titleOf(known));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new Problems.FieldError(error.getField(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                // a @Valid request body: name its fields, not the Java parameter
                body.getFieldErrors().forEach(error ->
                        errors.add(new Problems.FieldError(error.getField(), error.getDefaultMessage())));
                continue;
            }
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().stream()
                    .map(MessageSourceResolvable::getDefaultMessage)
                    .forEach(message -> errors.add(new Problems.FieldError(name, message)));
        }
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new Problems.FieldError(field, "'" + e.getValue() + "' is not a valid value"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.tooLarge(tooLarge.maxBytes()));
            }
        }
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(UnreadableBody.describe(e.getCause()))));
    }
}
