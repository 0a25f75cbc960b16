package org.planledger.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;

import java.util.List;

/**
 * What both services do with every request before anything else: read it as addressed to the configured public
 * URL, never to its Host header ({@link PublicAddress}), and put the browser security headers on its answer, whatever
 * the answer is (a page, JSON, a 413 from the size limit, an error page). An answer that sets a header itself keeps
 * its own (the HTML progress report has a policy of its own).
 */
@Configuration(proxyBeanMethods = false)
public class WebEdge {

    /**
     * No script or style but the service's own files (Swagger UI's scripts; the pages have none), no inline script
     * or style, nothing from elsewhere, forms sent only to the service itself, and never shown in another site's frame.
     * Swagger UI draws its icons as data: images.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /**
     * Swagger UI's page: the same, and the one style block its script writes, by its hash (Swagger UI 5 as springdoc
     * ships it; after an upgrade BrowserIT names the new hash if it changed).
     */
    public static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");
    /** Nothing here needs a camera, a microphone, the location or any other device. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    @Bean
    PublicUrl publicUrl(@Value("${plan-ledger.public-url:}") String url, Environment environment) {
        return new PublicUrl(url, environment);
    }

    /**
     * Written when the answer is committed, unless it has the header already. {@code same-origin} referrers: another
     * site learns nothing of the pages' addresses, and the service's own forms keep their Origin header.
     */
    @Bean
    FilterRegistrationBean<HeaderWriterFilter> securityHeaders() {
        FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(new HeaderWriterFilter(
                List.of(new DelegatingRequestMatcherHeaderWriter(request -> request.getRequestURI().startsWith("/swagger-ui/"),
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                        new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN),
                        new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY),
                        new XContentTypeOptionsHeaderWriter())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PublicAddress> publicAddress(PublicUrl url) {
        FilterRegistrationBean<PublicAddress> registration = new FilterRegistrationBean<>(new PublicAddress(url));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
