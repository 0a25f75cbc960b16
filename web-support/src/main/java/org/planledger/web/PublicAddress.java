package org.planledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Makes every request read as addressed to the {@link PublicUrl}, whatever its Host header says: its scheme, server
 * name, port and URL, so that anything building an address from the request (the OpenAPI description's server, say)
 * builds the public one; and makes every relative redirect and Location header absolute on the public URL, where the
 * servlet container would have used the Host header.
 */
final class PublicAddress extends OncePerRequestFilter {

    private final PublicUrl site;

    PublicAddress(PublicUrl site) {
        this.site = site;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        URI origin = site.uri();
        chain.doFilter(new Addressed(request, origin), new Redirects(response, origin, request.getRequestURI()));
    }

    private static final class Addressed extends HttpServletRequestWrapper {
        private final URI origin;

        Addressed(HttpServletRequest request, URI origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public String getScheme() {
            return origin.getScheme();
        }

        @Override
        public boolean isSecure() {
            return origin.getScheme().equals("https");
        }

        @Override
        public String getServerName() {
            return origin.getHost();
        }

        @Override
        public int getServerPort() {
            return origin.getPort() != -1 ? origin.getPort() : isSecure() ? 443 : 80;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(origin.toString()).append(getRequestURI());
        }
    }

    private static final class Redirects extends HttpServletResponseWrapper {
        private final URI origin;
        private final String path;

        Redirects(HttpServletResponse response, URI origin, String path) {
            super(response);
            this.origin = origin;
            this.path = path;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isLocation(name) ? absolute(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, isLocation(name) ? absolute(value) : value);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(absolute(location));
        }

        @Override
        public void sendRedirect(String location, int status) throws IOException {
            super.sendRedirect(absolute(location), status);
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), status, clearBuffer);
        }

        private static boolean isLocation(String header) {
            return HttpHeaders.LOCATION.equalsIgnoreCase(header);
        }

        /** A relative location resolved against the public address of the request, as a browser would. */
        private String absolute(String location) {
            if (location == null) {
                return null;
            }
            try {
                URI target = URI.create(location);
                return target.isAbsolute() ? location
                        : (location.startsWith("/") ? origin : origin.resolve(path)).resolve(target).toString();
            } catch (IllegalArgumentException e) {
                // Not an address this can resolve: left as it was given.
                return location;
            }
        }
    }
}
