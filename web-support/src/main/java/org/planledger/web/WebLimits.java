package org.planledger.web;

import org.planledger.web.security.LedgerSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both services refuse before a request reaches them, and how every refusal is answered: problem+json from
 * Tomcat, the filters, Spring Security's firewall, the error page and Spring MVC alike.
 */
@Configuration(proxyBeanMethods = false)
public class WebLimits {

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${plan-ledger.web.max-request-bytes:262144}") long maxBytes, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes, json));
        // After WebEdge's filters, so a 413 carries the security headers too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestChecks> requestChecks(JsonMapper json) {
        FilterRegistrationBean<RequestChecks> registration = new FilterRegistrationBean<>(new RequestChecks(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Request bodies are JSON read by {@link JsonBodies}; no other format is spoken, in either direction. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer documentedFormatsOnly(JsonMapper json) {
        JsonBodies bodies = new JsonBodies(json);
        return converters -> converters.withJsonConverter(bodies)
                .configureMessageConvertersList(list -> list.removeIf(bodies::undocumented));
    }

    @Bean
    RequestRejectedHandler requestRejected(JsonMapper json) {
        return LedgerSecurity.rejected(json);
    }

    @Bean
    ProblemErrorController problemErrorController(JsonMapper json, ObjectProvider<ErrorPages> pages) {
        return new ProblemErrorController(json, pages);
    }

    /** Runs after Spring Boot's customizer, which puts an error report valve of its own on the host. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> ProblemReportValve.install(context.getParent(), json));
    }
}
