package org.planledger.command.web;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.Governance;
import org.planledger.command.StoredEvents;
import org.planledger.localpostgres.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that has run out of room. PostgreSQL raises SQLSTATE 53100 (disk full) as it inserts the event; here a
 * trigger on the event table raises it for one action, as a full disk would for every insert. The client is not at
 * fault: the command is answered 503 with Retry-After, nothing is stored, and once there is room the same request
 * with the same Idempotency-Key is recorded, once.
 */
@CommandServiceTest
class DatabaseFullTest {

    @Autowired
    RestTestClient http;
    @Autowired
    StoredEvents stored;
    @Autowired
    Governance governance;
    @Autowired
    TestDatabase database;

    @Test
    void aFullDiskIsA503WithRetryAfterThatStoresNothing() {
        String plan = governance.plan("disk-full", 1, null);
        String action = plan + "/2023-11/1";
        String progress = "/api/plans/" + plan + "/versions/2023-11/actions/1/progress";
        String key = UUID.randomUUID().toString();
        String trigger = "disk_full_" + plan.replace('-', '_');
        // The fault is put in as the schema's owner: the service's own role may not change the schema.
        JdbcClient owner = JdbcClient.create(database.owner().dataSource());
        owner.sql("""
                CREATE FUNCTION events.%s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
                END $$""".formatted(trigger)).update();
        owner.sql("CREATE TRIGGER %s BEFORE INSERT ON events.domain_event_entry FOR EACH ROW WHEN (NEW.aggregate_identifier = '%s') "
                .formatted(trigger, action) + "EXECUTE FUNCTION events.%s()".formatted(trigger)).update();
        long before = stored.count();
        try {
            http.post().uri(progress).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                    .body("{\"summary\": \"recorded once there is room\"}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "30")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:plan-ledger:problem:unavailable")
                    .jsonPath("$.title").isEqualTo("Database out of resources")
                    .jsonPath("$.instance").isEqualTo(progress);
            assertThat(stored.count()).as("events stored while the disk is full").isEqualTo(before);
        } finally {
            owner.sql("DROP TRIGGER %s ON events.domain_event_entry".formatted(trigger)).update();
            owner.sql("DROP FUNCTION events.%s()".formatted(trigger)).update();
        }

        http.post().uri(progress).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body("{\"summary\": \"recorded once there is room\"}")
                .exchange()
                .expectStatus().isCreated();
        assertThat(stored.under(action)).extracting(StoredEvents.Stored::type)
                .containsExactly("ActionPublished", "ProgressRecorded");
    }
}
