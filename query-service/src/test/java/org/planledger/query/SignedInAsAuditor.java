package org.planledger.query;

import org.planledger.web.openapi.CheckedAnswers;
import org.planledger.web.security.TestIdentities;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The tests' HTTP client checks every answer against the service's OpenAPI description ({@link CheckedAnswers}) and
 * signs in as an auditor unless a request says otherwise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInAsAuditor {

    @Bean
    RestTestClientBuilderCustomizer signedInAsAuditor() {
        return TestIdentities.signedInAs("auditor");
    }

    @Bean
    RestTestClientBuilderCustomizer answersAsDescribed() {
        return CheckedAnswers.againstTheDescription();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> describedOnceReady() {
        return CheckedAnswers.describedOnceReady();
    }
}
