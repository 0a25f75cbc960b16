package org.planledger.eventstore;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Just the event store and what Spring Boot brings for it (DataSource, transactions, Flyway). */
@SpringBootApplication
@Import(EventStoreConfiguration.class)
class EventStoreTestApplication {
}
