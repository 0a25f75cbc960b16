package org.planledger.benchmarks;

import org.flywaydb.core.Flyway;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabases;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A new database with the event store's schema and nothing in it, for one benchmark run. */
record FreshStore(Database database, DriverManagerDataSource dataSource) {

    static FreshStore create() {
        Database database = TestDatabases.create();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(),
                database.password() == null ? "" : database.password());
        Flyway.configure().dataSource(dataSource).schemas(EventStoreConfiguration.SCHEMA)
                .locations(EventStoreConfiguration.MIGRATIONS).load().migrate();
        return new FreshStore(database, dataSource);
    }
}
