package org.planledger.query.site;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Serves GOV.UK Frontend's images from its WebJar where its stylesheet expects them ({@code /assets/}). Its fonts
 * are not served, nor named in its stylesheet as served here: GDS Transport is licensed for GOV.UK services only, so
 * site.css sets the pages in Arial.
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
        registry.addResourceHandler("/govuk/**").addResourceLocations(govuk).setCacheControl(aDay)
                .resourceChain(true).addTransformer(new WithoutFontFaces());
    }

    /**
     * GOV.UK Frontend's stylesheet without its {@code @font-face} rules. Their files are not served, and with the
     * rules in place Chromium still asks for them (which the pages' Content-Security-Policy then refuses, noisily);
     * site.css's rules, which name the system's Arial, are then the only ones.
     */
    private static final class WithoutFontFaces implements ResourceTransformer {
        private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*}");

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            Resource transformed = chain.transform(request, resource);
            String name = transformed.getFilename();
            if (name == null || !name.endsWith(".css")) {
                return transformed;
            }
            String css = transformed.getContentAsString(StandardCharsets.UTF_8);
            return new TransformedResource(transformed, FONT_FACE.matcher(css).replaceAll("").getBytes(StandardCharsets.UTF_8));
        }
    }
}
