package org.planledger.benchmarks;

import org.flywaydb.core.Flyway;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabase;
import org.planledger.localpostgres.TestDatabases;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new database with the event store's schema and nothing in it, for one benchmark run; the schema is migrated as
 * its owner, as the command service does, and {@code dataSource} logs in as the administrator, for the baselines.
 */
record FreshStore(TestDatabase database, DriverManagerDataSource dataSource) {

    static FreshStore create() {
        TestDatabase database = TestDatabases.create();
        Database owner = database.owner();
        Flyway.configure().dataSource(owner.url(), owner.username(), owner.password())
                .schemas(EventStoreConfiguration.SCHEMA).locations(EventStoreConfiguration.MIGRATIONS)
                .placeholders(database.roles().placeholders()).load().migrate();
        Database admin = database.admin();
        return new FreshStore(database, new DriverManagerDataSource(admin.url(), admin.username(),
                admin.password() == null ? "" : admin.password()));
    }
}
