package org.planledger.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;

import java.util.Optional;

/** A service's HTML pages for errors that reach {@link ProblemErrorController}, for browsers asking for a page. */
public interface ErrorPages {

    /** The page for this problem, or empty when the request is not a browser's for one of the service's pages. */
    Optional<ModelAndView> page(HttpServletRequest request, ProblemDetail problem);
}
