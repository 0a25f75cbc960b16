package org.planledger.query;

import org.flywaydb.core.Flyway;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabases;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * A database of the test's own holding the event store schema, as the command service would have created it
 * before this service starts.
 */
public class FreshDatabaseWithEventStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database database = TestDatabases.create();
        Flyway.configure()
                .dataSource(database.url(), database.username(), database.password())
                .schemas(EventStoreConfiguration.SCHEMA)
                .locations(EventStoreConfiguration.MIGRATIONS)
                .load()
                .migrate();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-database", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password())));
    }
}
