package org.planledger.command;

import org.planledger.web.security.TestIdentities;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The tests' HTTP client signs in as the secretariat unless a request says otherwise. */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInAsSecretariat {

    @Bean
    RestTestClientBuilderCustomizer signedInAsSecretariat() {
        return TestIdentities.signedInAs("secretariat");
    }
}
