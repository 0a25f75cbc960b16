package org.planledger.query;

import org.flywaydb.core.Flyway;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.FreshDatabase;
import org.planledger.localpostgres.TestDatabase;

/**
 * A database of the test's own holding the event store schema, as the command service would have created it
 * before this service starts; the context logs in as the query service's role.
 */
public class FreshDatabaseWithEventStore extends FreshDatabase {

    @Override
    protected void prepare(TestDatabase database) {
        Database owner = database.owner();
        Flyway.configure()
                .dataSource(owner.url(), owner.username(), owner.password())
                .schemas(EventStoreConfiguration.SCHEMA)
                .locations(EventStoreConfiguration.MIGRATIONS)
                .placeholders(database.roles().placeholders())
                .load()
                .migrate();
    }

    @Override
    protected Database service(TestDatabase database) {
        return database.query();
    }
}
