package org.planledger.query.site;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Serves GOV.UK Frontend's images from its WebJar where its stylesheet expects them ({@code /assets/}). Its fonts
 * are not served: GDS Transport is licensed for GOV.UK services only, so site.css sets the pages in Arial.
 */
@Configuration(proxyBeanMethods = false)
public class SiteConfiguration implements WebMvcConfigurer {

    private final String govuk;

    /** @param version the WebJar's version, written into application.yml by the build */
    public SiteConfiguration(@Value("${plan-ledger.site.govuk-frontend-version}") String version) {
        this.govuk = "classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl aDay = CacheControl.maxAge(Duration.ofDays(1));
        registry.addResourceHandler("/assets/images/**").addResourceLocations(govuk + "assets/images/")
                .setCacheControl(aDay);
        registry.addResourceHandler("/govuk/**").addResourceLocations(govuk).setCacheControl(aDay);
    }
}
