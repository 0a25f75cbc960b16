package org.planledger.query;

import org.planledger.web.security.TestIdentities;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The tests' HTTP client signs in as an auditor unless a request says otherwise. */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInAsAuditor {

    @Bean
    RestTestClientBuilderCustomizer signedInAsAuditor() {
        return TestIdentities.signedInAs("auditor");
    }
}
