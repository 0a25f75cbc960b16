package org.planledger.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** What both services refuse before reading a request: bodies over the size limit, text with control characters. */
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
    JacksonModule plainText() {
        return PlainText.module();
    }
}
