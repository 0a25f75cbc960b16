package org.planledger.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.web.PublicUrl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Refuses a request that would change something (any method but GET, HEAD, OPTIONS and TRACE) when the browser says
 * it comes from another site: its {@code Origin} header, or without one its {@code Referer}, is not on the
 * {@link PublicUrl}. Browsers send Origin with every such request, and a page cannot forge or remove it.
 * <p>
 * A request with neither header is not from a browser page: the API lets it through (curl and other API clients
 * send neither, and must present credentials with each request anyway); the web pages refuse it
 * ({@code browsersOnly}), as their forms are sent by browsers alone.
 */
public final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final PublicUrl site;
    private final boolean browsersOnly;
    private final AccessDeniedHandler refuse;

    public CrossSiteRequests(PublicUrl site, boolean browsersOnly, AccessDeniedHandler refuse) {
        this.site = site;
        this.browsersOnly = browsersOnly;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = SAFE.contains(request.getMethod()) ? null : refusal(request);
        if (refusal != null) {
            refuse.handle(request, response, new Refused(refusal));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused, or null if it is not. */
    private String refusal(HttpServletRequest request) {
        List<String> origins = Collections.list(request.getHeaders(HttpHeaders.ORIGIN));
        List<String> referers = Collections.list(request.getHeaders(HttpHeaders.REFERER));
        if (origins.size() > 1 || referers.size() > 1) {
            return "the request names more than one Origin or Referer";
        }
        String from = !origins.isEmpty() ? origins.get(0) : !referers.isEmpty() ? referers.get(0) : null;
        if (from == null) {
            return browsersOnly ? "the request says neither where it comes from (Origin) nor which page sent it "
                    + "(Referer); forms here are sent by browsers, which say" : null;
        }
        String claimed = PublicUrl.originOf(from).orElse(null);
        if (claimed == null || !claimed.equals(site.origin())) {
            return "the request comes from " + (claimed == null ? "'" + visible(from) + "'" : claimed) + ", not from "
                    + site.origin() + "; nothing was changed";
        }
        return null;
    }

    /** The claimed origin as it may be shown back: short, and only printable ASCII. */
    private static String visible(String text) {
        String shown = text.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }

    /** A request refused as cross-site; a kind of CSRF refusal, so the pages answer it as they answer a bad token. */
    public static final class Refused extends CsrfException {
        Refused(String message) {
            super(message);
        }
    }
}
