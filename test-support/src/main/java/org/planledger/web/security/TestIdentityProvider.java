package org.planledger.web.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Trusts the tokens {@link TestIdentities#bearer} signs, as a deployment's issuer configuration would. */
@TestConfiguration(proxyBeanMethods = false)
public class TestIdentityProvider {

    @Bean
    JwtDecoder jwtDecoder() {
        return TestIdentities.decoder();
    }
}
