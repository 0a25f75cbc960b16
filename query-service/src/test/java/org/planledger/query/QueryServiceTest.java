package org.planledger.query;

import org.planledger.web.openapi.CheckedAnswers;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole query service on a random port, its processors running, against a PostgreSQL database of its own, with
 * the demo accounts; its HTTP client signs in as an auditor.
 * Test classes with this annotation share one context, so each test works under plan ids of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "plan-ledger.security.demo-accounts=true")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = FreshDatabaseWithEventStore.class)
@Import({SignedInAsAuditor.class, CheckedAnswers.class})
public @interface QueryServiceTest {
}
