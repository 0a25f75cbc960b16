package org.planledger.benchmarks;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.planledger.eventstore.EventChain;
import org.planledger.eventstore.LedgerSerializer;
import org.planledger.localpostgres.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * As-of status and audit-page latency on a synthetic ledger, through the query service's HTTP API, beside a raw-JDBC
 * baseline from the same run: the rows the answer is built from, read by the same index with no service around them.
 */
final class QueryLatency {

    private static final int WARMUP = 200;
    private static final int SAMPLES = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo auditor ServiceProcess switches on: the audit log needs the role, and public reads ignore it. */
    private static final String AUDITOR = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("auditor:benchmark".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final long events;
    private final int plans;
    private final Path queryServiceJar;
    private final HttpClient http = HttpClient.newHttpClient();

    QueryLatency(long events, int plans, Path queryServiceJar) {
        this.events = events;
        this.plans = plans;
        this.queryServiceJar = queryServiceJar;
    }

    /**
     * Part b: every projection built from nothing over a freshly written ledger, beside the raw limit of a replay
     * (the same rows read in order and deserialised, three passes, median) from the same run.
     */
    void replay() throws Exception {
        FreshStore store = FreshStore.create();
        Database database = store.database().admin();
        long written = new SyntheticLedger(store.dataSource()).write(plans, events);
        Results.printf("wrote %,d events over %,d plans%n", written, plans);
        List<Double> raw = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            raw.add(scanAndDeserialise(database));
        }
        double rawRate = raw.stream().sorted().toList().get(1);
        try (ServiceProcess service = ServiceProcess.queryService(queryServiceJar, store.database())) {
            Duration startup = service.awaitUp(http, Duration.ofMinutes(2));
            JdbcClient jdbc = connection(database);
            double seconds = catchUp(service, jdbc);
            double copySeconds = copyReadModels(jdbc);
            Results.printf("%n| events | plans | projected in s (after start-up %.1f s) | events/s | raw scan events/s (median of 3) | projections / raw scan | rows copied inside PostgreSQL, s | events/s at that rate |%n",
                    startup.toMillis() / 1e3);
            Results.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            Results.printf("| %,d | %,d | %.1f | %,.0f | %,.0f | %.1f%% | %.1f | %,.0f |%n%n", written, plans, seconds,
                    written / seconds, rawRate, 100 * (written / seconds) / rawRate, copySeconds, written / copySeconds);
            Results.printf("query service peak resident memory: %d MB (-Xmx1g)%n", service.peakResidentMegabytes());
        }
    }

    /**
     * The raw limit of writing what the replay wrote: every row of the read models copied, inside PostgreSQL and
     * with nothing sent over the wire, into an empty table with the same indexes. Only inserts, so a lower bound:
     * the projections also close rows they wrote and update each action's row.
     */
    private static double copyReadModels(JdbcClient jdbc) {
        double seconds = 0;
        long rows = 0;
        for (String table : List.of("change_log", "action_fact", "action_state_interval", "action_status",
                "plan_version", "plan_aim", "action_lineage")) {
            String copy = "projections." + table + "_copy";
            jdbc.sql("CREATE TABLE " + copy + " (LIKE projections." + table + " INCLUDING ALL)").update();
            long start = System.nanoTime();
            rows += jdbc.sql("INSERT INTO " + copy + " SELECT * FROM projections." + table).update();
            seconds += (System.nanoTime() - start) / 1e9;
            jdbc.sql("DROP TABLE " + copy).update();
        }
        Results.printf("read-model rows copied inside PostgreSQL: %,d in %.2f s%n", rows, seconds);
        return seconds;
    }

    /** One open connection, as the service's pool gives it: a baseline must not pay for connecting. */
    private static JdbcClient connection(Database database) {
        return JdbcClient.create(new SingleConnectionDataSource(database.url(), database.username(),
                database.password() == null ? "" : database.password(), true));
    }

    /** Seconds from now until every projection has reached the head of the store. */
    private double catchUp(ServiceProcess service, JdbcClient jdbc) throws Exception {
        long projecting = System.nanoTime();
        long head = jdbc.sql("SELECT max(global_index) FROM events.domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(service, head));
        return (System.nanoTime() - projecting) / 1e9;
    }

    void run() throws Exception {
        FreshStore store = FreshStore.create();
        Database database = store.database().admin();
        DriverManagerDataSource dataSource = store.dataSource();

        long start = System.nanoTime();
        long written = new SyntheticLedger(dataSource).write(plans, events);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        Results.printf("wrote %,d events over %,d plans in %.1f s%n", written, plans, writeSeconds);
        verifyChain(dataSource);
        scanAndDeserialise(database);

        try (ServiceProcess service = ServiceProcess.queryService(queryServiceJar, store.database())) {
            Duration startup = service.awaitUp(http, Duration.ofMinutes(2));
            Results.printf("query service started in %.1f s%n", startup.toMillis() / 1e3);
            JdbcClient jdbc = connection(database);
            double projectSeconds = catchUp(service, jdbc);
            long intervals = jdbc.sql("SELECT count(*) FROM projections.action_state_interval").query(Long.class).single();
            Results.printf("projected them in %.1f s after start-up (%,.0f events/s); %,d action_state_interval rows%n",
                    projectSeconds, written / projectSeconds, intervals);

            measure(service, jdbc, written);
            Results.printf("query service peak resident memory: %d MB (-Xmx1g)%n", service.peakResidentMegabytes());
        }
    }

    /**
     * The raw limit of a replay: every stored event read in order over one connection (streamed, as a processor
     * reads) and its payload deserialised into its event record, doing nothing else.
     */
    static double scanAndDeserialise(Database database) throws Exception {
        Serializer serializer = LedgerSerializer.create();
        long start = System.nanoTime();
        long events = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scan = connection.prepareStatement("""
                    SELECT payload, payload_type, payload_revision FROM events.domain_event_entry ORDER BY global_index""")) {
                scan.setFetchSize(1_000);
                try (ResultSet rows = scan.executeQuery()) {
                    while (rows.next()) {
                        Object event = serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(1), byte[].class,
                                rows.getString(2), rows.getString(3)));
                        events += event == null ? 0 : 1;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Results.printf("raw scan and deserialise: %,d events in %.2f s (%,.0f events/s)%n", events, seconds,
                events / seconds);
        return events / seconds;
    }

    /** The whole hash chain recomputed (what GET /api/integrity does), beside a raw scan of the same rows. */
    private static void verifyChain(DataSource dataSource) {
        EventChain chain = new EventChain(dataSource, new DataSourceTransactionManager(dataSource));
        long start = System.nanoTime();
        EventChain.Verification verification = chain.verify(null);
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long bytes = JdbcClient.create(dataSource).sql("""
                        SELECT sum(length(payload) + length(meta_data)) FROM events.domain_event_entry e
                          JOIN events.event_hash h USING (global_index)""").query(Long.class).single();
        double scanSeconds = (System.nanoTime() - start) / 1e9;
        Results.printf("integrity: %,d events verified (valid %s) in %.2f s; raw scan of the same rows %.2f s (%,d MB)%n",
                verification.eventsChecked(), verification.valid(), verifySeconds, scanSeconds, bytes >> 20);
    }

    private boolean caughtUp(ServiceProcess service, long head) throws Exception {
        JsonNode health = get(service.url("/actuator/health"));
        JsonNode processors = health.at("/components/projections/details/processors");
        if (processors.isMissingNode() || processors.isEmpty()) {
            return false;
        }
        for (JsonNode processor : processors) {
            if (processor.get("position").asLong() < head || !processor.get("caughtUp").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private void measure(ServiceProcess service, JdbcClient jdbc, long written) throws Exception {
        Random random = new Random(7);
        long days = ChronoUnit.DAYS.between(SyntheticLedger.START, Instant.now());
        Callable<Object> asOfHttp = () -> {
            Instant asOf = randomInstant(random, days);
            return get(service.url("/api/plans/" + SyntheticLedger.planId(random.nextInt(plans)) + "/status?asOf="
                    + asOf + "&knownAt=" + asOf.plus(random.nextInt(400), ChronoUnit.DAYS)));
        };
        Callable<Object> asOfJdbc = () -> {
            Instant asOf = randomInstant(random, days);
            Timestamp known = Timestamp.from(asOf.plus(random.nextInt(400), ChronoUnit.DAYS));
            return jdbc.sql("""
                            SELECT * FROM projections.action_state_interval
                             WHERE plan_id = ? AND version_id = '2023-01'
                               AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
                               AND known_from <= ? AND (known_to IS NULL OR known_to > ?)""")
                    .params(SyntheticLedger.planId(random.nextInt(plans)), Timestamp.from(asOf), Timestamp.from(asOf),
                            known, known)
                    .query().listOfRows();
        };
        Callable<Object> auditHttp = () -> get(service.url("/api/audit?limit=50&cursor=" + (1 + random.nextLong(written))));
        Callable<Object> auditJdbc = () -> jdbc.sql("""
                        SELECT * FROM projections.change_log WHERE event_position < ?
                         ORDER BY event_position DESC LIMIT 51""")
                .param(1 + random.nextLong(written)).query().listOfRows();
        Callable<Object> auditByActorHttp = () -> get(service.url("/api/audit?limit=50&actor=chair-body-"
                + random.nextInt(12) + "&cursor=" + (1 + random.nextLong(written))));
        Callable<Object> auditByActionHttp = () -> get(service.url("/api/audit?limit=50&action="
                + SyntheticLedger.planId(random.nextInt(plans)) + "/2023-01/" + (1 + random.nextInt(SyntheticLedger.ACTIONS))));

        Results.printf("%n%,d events, %,d plans, %d samples after %d warm-up calls each (ms)%n%n", written, plans,
                SAMPLES, WARMUP);
        Results.println("| query | p50 | p95 | p99 | raw JDBC p50 | raw JDBC p95 | p50 / raw p50 |");
        Results.println("|---|---:|---:|---:|---:|---:|---:|");
        Latencies asOfBaseline = Latencies.of(WARMUP, SAMPLES, asOfJdbc);
        row("as-of status (HTTP, random plan, asOf, knownAt)", Latencies.of(WARMUP, SAMPLES, asOfHttp), asOfBaseline);
        Latencies auditBaseline = Latencies.of(WARMUP, SAMPLES, auditJdbc);
        row("audit page of 50 at a random cursor (HTTP)", Latencies.of(WARMUP, SAMPLES, auditHttp), auditBaseline);
        row("audit page of 50, by actor, random cursor (HTTP)", Latencies.of(WARMUP, SAMPLES, auditByActorHttp), auditBaseline);
        row("audit page of 50, by action (HTTP)", Latencies.of(WARMUP, SAMPLES, auditByActionHttp), auditBaseline);
    }

    private static Instant randomInstant(Random random, long days) {
        return SyntheticLedger.START.plus(random.nextLong(days * 86_400), ChronoUnit.SECONDS);
    }

    private static void row(String name, Latencies service, Latencies baseline) {
        Results.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |%n", name, service.median(),
                service.percentile(95), service.percentile(99), baseline.median(), baseline.percentile(95),
                service.median() / baseline.median());
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", AUDITOR).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

}
