package org.planledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What both services refuse before anything reads a request, as problem+json: a Content-Type that does not parse,
 * holds a wildcard or names a charset other than UTF-8 (415; Spring cannot even represent a wildcard one, and
 * failed with 500), an Accept header that does not parse (406; Spring then cannot choose a type even for the
 * problem, and answered an empty body), and parameters, in the query string or a form, that do not decode (Tomcat
 * refuses {@code %zz} and bytes that are not UTF-8 only when they are first read, and that was a 500) or hold text
 * {@link PlainText} refuses (400 naming the parameter: {@code actor=%00} would otherwise reach PostgreSQL, which
 * cannot take U+0000).
 */
public class RequestChecks extends OncePerRequestFilter {

    private final JsonMapper json;

    public RequestChecks(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> contentType = contentTypeFault(request.getContentType());
        if (contentType.isPresent()) {
            Problems.write(request, response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    Problems.UNSUPPORTED_MEDIA_TYPE, Problems.titleOf(HttpStatus.UNSUPPORTED_MEDIA_TYPE), contentType.get()));
            return;
        }
        Optional<String> accept = acceptFault(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isPresent()) {
            Problems.write(request, response, json, Problems.of(HttpStatus.NOT_ACCEPTABLE, Problems.NOT_ACCEPTABLE,
                    Problems.titleOf(HttpStatus.NOT_ACCEPTABLE), accept.get()));
            return;
        }
        List<Problems.FieldError> errors = parameterFaults(request);
        if (!errors.isEmpty()) {
            Problems.write(request, response, json, Problems.invalid(errors));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Parameters that do not decode, or whose text is not plain. A web form's fields are left to the command service
     * the form is sent on to, which names each field on the form; they must still decode.
     */
    static List<Problems.FieldError> parameterFaults(HttpServletRequest request) {
        boolean form = request.getContentType() != null
                && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(request.getContentType()));
        List<Problems.FieldError> errors = new ArrayList<>();
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                PlainText.fault(parameter.getKey()).ifPresent(fault ->
                        errors.add(new Problems.FieldError("parameters", "a parameter's name " + fault)));
                for (String value : form ? new String[0] : parameter.getValue()) {
                    PlainText.fault(value).ifPresent(fault -> errors.add(new Problems.FieldError(parameter.getKey(), fault)));
                }
            }
        } catch (IllegalStateException e) {
            errors.add(new Problems.FieldError("parameters", "do not decode: a % must start two hex digits, the bytes "
                    + "they give must be UTF-8, and there may be at most 1,000 parameters"));
        }
        return errors.stream().distinct().toList();
    }

    /** An Accept header Spring cannot parse fails content negotiation even for the problem that says so. */
    static Optional<String> acceptFault(Enumeration<String> headers) {
        for (String header : Collections.list(headers)) {
            try {
                MediaType.parseMediaTypes(header);
            } catch (IllegalArgumentException e) {
                return Optional.of("the Accept header '" + (header.length() > 100 ? header.substring(0, 100) + "…" : header)
                        + "' is not a list of media types");
            }
        }
        return Optional.empty();
    }

    static Optional<String> contentTypeFault(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String shown = "Content-Type '" + (header.length() > 100 ? header.substring(0, 100) + "…" : header) + "'";
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(shown + " is not a media type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return Optional.of(shown + " is not a media type a body can have: it holds a wildcard");
        }
        String charset = type.getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
            return Optional.of(shown + " names a charset other than UTF-8, the only one taken");
        }
        return Optional.empty();
    }
}
