package org.planledger.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.localpostgres.TestDatabase;
import org.planledger.query.body.BodyProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection that fails on an event retries it rather than skipping it: the read models lose nothing. */
@QueryServiceTest
@Import(ProjectionFailureTest.FailsOnce.class)
class ProjectionFailureTest {

    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FailsOnce failsOnce;
    @Autowired
    TestDatabase database;

    private final String subject = "failing-" + UUID.randomUUID().toString().substring(0, 8);

    /** The fault is put in as the schema's owner: the service's own role may not change the schema. */
    private JdbcClient owner() {
        return JdbcClient.create(database.owner().dataSource());
    }

    @AfterEach
    void removeTheFault() {
        owner().sql("DROP TRIGGER IF EXISTS fail_once ON projections.change_log").update();
        owner().sql("DROP FUNCTION IF EXISTS projections.fail_once()").update();
        owner().sql("DROP SEQUENCE IF EXISTS projections.fail_once_count").update();
    }

    @Test
    void retriesAnEventAListenerThrewOnInsteadOfSkippingIt() {
        failsOnce.bodyId = subject;

        ledger.append(new BodyEstablished(subject, BodyKind.NETWORK, "A network", null, null, null), "secretariat");

        // At least once: a batch that loses its claim under load is handled again, with this listener in it.
        await().atMost(Duration.ofSeconds(30)).until(() -> failsOnce.handled.get() >= 1);
        assertThat(failsOnce.attempts.get()).as("attempts to handle the event").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM body WHERE body_id = ?").param(subject).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void retriesAnEventWhoseChangeTheDatabaseRefusedAndRecordsItOnce() {
        // The first insert of this event's change fails; a sequence counts attempts, since a rollback does not undo it.
        // The service's role may use the sequence, as every sequence the owner adds to the schema.
        owner().sql("CREATE SEQUENCE projections.fail_once_count").update();
        owner().sql("""
                CREATE FUNCTION projections.fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.subject = '%s' AND nextval('projections.fail_once_count') = 1 THEN
                        RAISE EXCEPTION 'injected failure';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(subject)).update();
        owner().sql("CREATE TRIGGER fail_once BEFORE INSERT ON projections.change_log FOR EACH ROW "
                + "EXECUTE FUNCTION projections.fail_once()").update();

        ledger.append(new BodyEstablished(subject, BodyKind.NETWORK, "A network", null, null, null), "secretariat");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT count(*) FROM change_log WHERE subject = ?").param(subject).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT last_value FROM fail_once_count").query(Long.class).single())
                .as("attempts to record the change").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM body WHERE body_id = ?").param(subject).query(Long.class).single()).isEqualTo(1);
    }

    /** A listener in the governance processor that throws the first time it sees one body, as a bug would. */
    @Component
    @ProcessingGroup(BodyProjection.PROCESSING_GROUP)
    static class FailsOnce {

        volatile String bodyId;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        @EventHandler
        void on(BodyEstablished event) {
            if (event.bodyId().equals(bodyId) && attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("injected failure");
            }
            if (event.bodyId().equals(bodyId)) {
                handled.incrementAndGet();
            }
        }
    }
}
