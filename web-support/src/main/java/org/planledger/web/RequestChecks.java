package org.planledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
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
        Optional<String> encoding = encodingFault(request.getHeaders(HttpHeaders.CONTENT_ENCODING));
        if (encoding.isPresent()) {
            Problems.write(request, response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    Problems.UNSUPPORTED_MEDIA_TYPE, Problems.titleOf(HttpStatus.UNSUPPORTED_MEDIA_TYPE), encoding.get()));
            return;
        }
        Accept accept = accept(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.fault() != null) {
            Problems.write(request, response, json, Problems.of(HttpStatus.NOT_ACCEPTABLE, Problems.NOT_ACCEPTABLE,
                    Problems.titleOf(HttpStatus.NOT_ACCEPTABLE), accept.fault()));
            return;
        }
        List<Problems.FieldError> errors = parameterFaults(request);
        if (!errors.isEmpty()) {
            Problems.write(request, response, json, Problems.invalid(errors));
            return;
        }
        chain.doFilter(accept.refused() ? new AcceptOnly(request, accept.wanted()) : request, response);
    }

    /** A body is taken as it is sent: nothing decompresses it, so a compressed one would be read as garbage. */
    static Optional<String> encodingFault(Enumeration<String> headers) {
        for (String header : Collections.list(headers)) {
            for (String coding : header.split(",")) {
                if (!coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
                    return Optional.of("Content-Encoding '" + shown(coding.trim()) + "' is not taken: send the body "
                            + "as it is");
                }
            }
        }
        return Optional.empty();
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

    /**
     * What an Accept header allows. One Spring cannot parse (or with an empty item, which the actuator cannot) fails
     * content negotiation even for the problem that says so; a charset other than UTF-8 cannot be given, and Spring
     * found that out only after a command had run. Items with {@code q=0} say what is not wanted, which Spring would
     * take as wanted: they are left out, and if nothing is left, nothing can be given.
     */
    static Accept accept(Enumeration<String> headers) {
        List<String> wanted = new ArrayList<>();
        boolean refused = false;
        for (String header : Collections.list(headers)) {
            List<String> items;
            try {
                items = MimeTypeUtils.tokenize(header);
            } catch (IllegalArgumentException e) {
                return Accept.fault("the Accept header '" + shown(header) + "' is not a list of media types");
            }
            if (items.isEmpty() || items.stream().anyMatch(String::isBlank)) {
                return Accept.fault("the Accept header '" + shown(header) + "' has an empty item");
            }
            for (String item : items) {
                MediaType type;
                try {
                    type = MediaType.parseMediaType(item);
                } catch (InvalidMediaTypeException e) {
                    return Accept.fault("the Accept header's '" + shown(item) + "' is not a media type");
                }
                String charset = type.getParameter("charset");
                if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
                    return Accept.fault("the Accept header asks for the charset '" + shown(charset)
                            + "': every answer is UTF-8");
                }
                if (type.getQualityValue() == 0) {
                    refused = true;
                } else {
                    wanted.add(item.trim());
                }
            }
        }
        if (refused && wanted.isEmpty()) {
            return Accept.fault("the Accept header refuses every media type (q=0)");
        }
        return new Accept(null, wanted, refused);
    }

    private static String shown(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    /** The media types a request accepts ({@code wanted}), whether it refused some, or why it cannot be answered. */
    record Accept(String fault, List<String> wanted, boolean refused) {
        static Accept fault(String why) {
            return new Accept(why, List.of(), false);
        }
    }

    /** The request as Spring should see it: accepting only the media types it did not refuse. */
    private static final class AcceptOnly extends HttpServletRequestWrapper {
        private final String accept;

        AcceptOnly(HttpServletRequest request, List<String> wanted) {
            super(request);
            this.accept = String.join(", ", wanted);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }

    static Optional<String> contentTypeFault(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String shown = "Content-Type '" + shown(header) + "'";
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
