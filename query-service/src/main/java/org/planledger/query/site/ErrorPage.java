package org.planledger.query.site;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.planledger.query.security.SecurityConfiguration;
import org.planledger.web.ErrorPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.ModelAndView;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The error page (error.html) for a browser asking for one of the site's pages, when the error arises outside the
 * page controllers (whose errors {@link PageModel} answers): the sign-in prompt's 401, a 403, an address with no page.
 * The API, and any request that does not ask for HTML, gets problem+json as everywhere else.
 */
@Component
class ErrorPage implements ErrorPages {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public Optional<ModelAndView> page(HttpServletRequest request, ProblemDetail problem) {
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "";
        if (Arrays.stream(SecurityConfiguration.API).anyMatch(api -> PATHS.match(api, path)) || !asksForHtml(request)) {
            return Optional.empty();
        }
        return Optional.of(new ModelAndView("error", Map.of("status", problem.getStatus(),
                "detail", problem.getDetail() == null ? "" : problem.getDetail()), HttpStatusCode.valueOf(problem.getStatus())));
    }

    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
