package org.planledger.localpostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points a Spring test context at a database of its own:
 * {@code @ContextConfiguration(initializers = FreshDatabase.class)}. The context logs in as a service would: its
 * migrations as the owner, the rest as the command service's role, so that every test shows those grants are enough.
 * The {@link TestDatabase} is a bean, for a test that must act as another role.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabases.create();
        prepare(database);
        Database service = service(database);
        Database owner = database.owner();
        context.getBeanFactory().registerSingleton("testDatabase", database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-database", Map.of(
                "spring.datasource.url", service.url(),
                "spring.datasource.username", service.username(),
                "spring.datasource.password", service.password(),
                "spring.flyway.user", owner.username(),
                "spring.flyway.password", owner.password())));
    }

    /** Who the context logs in as. */
    protected Database service(TestDatabase database) {
        return database.command();
    }

    /** What the database holds before the context starts: by default nothing. */
    protected void prepare(TestDatabase database) {
    }
}
