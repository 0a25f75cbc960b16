package org.planledger.command;

import org.planledger.localpostgres.FreshDatabase;
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
 * The whole command service on a random port, against a PostgreSQL database of its own, with the demo accounts; its
 * HTTP client signs in as the secretariat. Test classes with this annotation share one context and one database, so
 * each test works under plan ids of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "plan-ledger.security.demo-accounts=true")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = FreshDatabase.class)
@Import({SignedInAsSecretariat.class, CheckedAnswers.class})
public @interface CommandServiceTest {
}
