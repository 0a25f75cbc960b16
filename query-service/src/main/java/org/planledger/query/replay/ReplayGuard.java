package org.planledger.query.replay;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers 503 instead of reading half-rebuilt read models. The admin endpoints stay open, so a replay can be
 * watched.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayGuard implements WebMvcConfigurer {

    private final Replays replays;

    public ReplayGuard(Replays replays) {
        this.replays = replays;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (replays.inProgress()) {
                    throw new ReplayInProgress();
                }
                return true;
            }
        }).addPathPatterns("/api/**", "/", "/plans/**", "/bodies/**", "/meetings/**", "/audit", "/audit.csv").excludePathPatterns("/api/admin/**");
    }
}
