package org.planledger.query.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.query.replay.ReplayInProgress;
import org.planledger.web.InvalidRequest;
import org.planledger.web.NotFound;
import org.planledger.web.ProblemHandler;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;


/**
 * What every page needs (who is looking, the path for the navigation) and the pages' one error handler: a page
 * naming the problem, in the same words the API would use, with the matching status and no stack trace.
 */
@ControllerAdvice(annotations = PageController.class)
public class PageModel {

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("viewer", Viewer.current());
        model.addAttribute("path", request.getRequestURI());
        // A form's CSRF cookie must be set before the page starts streaming out, so the token is made here.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
    }

    @ExceptionHandler(InvalidRequest.class)
    String invalid(InvalidRequest e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.BAD_REQUEST, "There is a problem with the address",
                e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    String invalidParameter(HandlerMethodValidationException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.BAD_REQUEST, "There is a problem with the address",
                "a part of the address is not valid: " + e.getParameterValidationResults().stream()
                        .map(result -> result.getMethodParameter().getParameterName() + " "
                                + result.getResolvableErrors().get(0).getDefaultMessage())
                        .toList());
    }

    @ExceptionHandler(TypeMismatchException.class)
    String mismatch(TypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.BAD_REQUEST, "There is a problem with the address",
                "'" + e.getValue() + "' is not a valid " + (e.getPropertyName() == null ? "value" : e.getPropertyName()));
    }

    /** A header the browser or a proxy sent holds characters the firewall refuses once it is read. */
    @ExceptionHandler(RequestRejectedException.class)
    String rejected(RequestRejectedException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.BAD_REQUEST, "There is a problem with the request",
                "a header of the request holds characters that are not allowed");
    }

    @ExceptionHandler(ReplayInProgress.class)
    String replaying(ReplayInProgress e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", "2");
        return problem(model, request, response, HttpStatus.SERVICE_UNAVAILABLE, "The plan is being rebuilt",
                "the read models are being rebuilt from the ledger; try again in a moment");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            // Spring's own account of a client's mistake (a wrong method, a missing parameter): its status, no log.
            return problem(model, request, response, HttpStatus.valueOf(error.getStatusCode().value()),
                    "There is a problem with the request", error.getBody().getDetail());
        }
        // The API's answer to the same failure (logged there): 503 with Retry-After, or 500 with a reference.
        ResponseEntity<ProblemDetail> failure = ProblemHandler.failure(e);
        failure.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        HttpStatus status = HttpStatus.valueOf(failure.getStatusCode().value());
        return problem(model, request, response, status, status == HttpStatus.SERVICE_UNAVAILABLE
                ? "Sorry, the service is unavailable" : "Sorry, there is a problem with the service",
                failure.getBody().getDetail());
    }

    /** The problem page; the model is built afresh, as Spring does not run {@link #common} for exception handlers. */
    private String problem(Model model, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                           String title, String detail) {
        common(model, request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "problem";
    }
}
