package org.planledger.web;

import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The address people and clients reach this service at ({@code plan-ledger.public-url}): an origin such as
 * {@code https://plan-ledger.example.gov.scot}, without a path. Redirects, the OpenAPI description's server and the
 * cross-site check are built from it, never from the request's Host header. Unset, it is
 * {@code http://localhost:<the port the service listens on>}.
 */
public final class PublicUrl {

    private final String configured;
    private final Environment environment;
    private volatile String origin;

    /**
     * @param configured  the property's value; blank for the local default
     * @param environment where the port the server actually listens on is found (a test's random port, say)
     */
    public PublicUrl(String configured, Environment environment) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.environment = environment;
        if (this.configured != null) {
            origin = originOf(this.configured).filter(origin -> bare(this.configured))
                    .orElseThrow(() -> new IllegalArgumentException("plan-ledger.public-url must be an http or https "
                            + "origin such as https://plan-ledger.example.org, without a path; it is " + configured));
        }
    }

    /** {@code scheme://host[:port]}, the port left out where it is the scheme's default. */
    public String origin() {
        if (origin == null) {
            // Known once the server listens; looked up at the first request, when it does.
            origin = "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
        }
        return origin;
    }

    public URI uri() {
        return URI.create(origin());
    }

    /**
     * The origin of an absolute http(s) URL, normalised as {@link #origin()} is; empty for anything else, including
     * the {@code null} origin a browser sends from a sandboxed or privacy-sensitive context.
     */
    public static Optional<String> originOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Nothing after the origin but at most a slash: a path would need every link on the pages rewritten. */
    private static boolean bare(String url) {
        URI uri = URI.create(url);
        return (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
    }
}
