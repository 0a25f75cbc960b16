package org.planledger.localpostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points a Spring test context at a database of its own:
 * {@code @ContextConfiguration(initializers = FreshDatabase.class)}.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database database = TestDatabases.create();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-database", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password())));
    }
}
