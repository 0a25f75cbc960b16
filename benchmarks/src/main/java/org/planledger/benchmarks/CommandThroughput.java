package org.planledger.benchmarks;

import org.planledger.localpostgres.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Progress updates through the command service, sent to its command gateway inside its process and over HTTP,
 * with 1, 8 and 32 concurrent clients (each on its own action), beside a raw-JDBC baseline run with the same clients: the same serialised event, one transaction per
 * command, straight into the event store (hash chain included). Optionally on a store already holding many events,
 * to see whether throughput falls as the store grows. Also the command service's start-up time and peak memory.
 */
final class CommandThroughput {

    private static final String SECRETARIAT = "Basic " + Base64.getEncoder()
            .encodeToString("secretariat:benchmark".getBytes(StandardCharsets.UTF_8));
    private static final int[] CLIENTS = {1, 8, 32};
    private static final int COMMANDS_PER_LEVEL = 1_600;
    private static final int WARMUP = 300;

    private final long stored;
    private final Path jar;
    private final Path benchmarkClasses;
    private final HttpClient http = HttpClient.newHttpClient();

    CommandThroughput(long stored, Path jar, Path benchmarkClasses) {
        this.stored = stored;
        this.jar = jar;
        this.benchmarkClasses = benchmarkClasses;
    }

    void run() throws Exception {
        FreshStore store = FreshStore.create();
        Database database = store.database().admin();
        DriverManagerDataSource dataSource = store.dataSource();
        if (stored > 0) {
            long start = System.nanoTime();
            new SyntheticLedger(dataSource).write((int) Math.max(1, stored / 1_000), stored);
            Results.printf("store filled with %,d events in %.1f s%n", stored, (System.nanoTime() - start) / 1e9);
        }
        try (ServiceProcess service = ServiceProcess.commandService(jar, benchmarkClasses, store.database())) {
            Duration startup = service.awaitUp(http, Duration.ofMinutes(3));
            publishBenchPlan(service);
            timed(service, 1, WARMUP, "warm-up");
            inProcess(service, 1, WARMUP, "warm-up");
            byte[][] event = template(dataSource);
            Results.printf("%nstore before: %,d events; command service started in %.1f s%n%n", stored,
                    startup.toMillis() / 1e3);
            Results.println("| clients | in-process commands/s | p50 ms | p99 ms | HTTP commands/s | p50 ms | p99 ms | raw JDBC commands/s | p50 ms | p99 ms | in-process / raw | HTTP / raw |");
            Results.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (int clients : CLIENTS) {
                String[] bus = inProcess(service, clients, COMMANDS_PER_LEVEL, "bus");
                Load.Result viaHttp = timed(service, clients, COMMANDS_PER_LEVEL, "http");
                Load.Result raw = raw(database, clients, COMMANDS_PER_LEVEL, event);
                double busRate = Double.parseDouble(bus[0]);
                Results.printf("| %d | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f%% | %.0f%% |%n",
                        clients, busRate, Double.parseDouble(bus[1]), Double.parseDouble(bus[2]), viaHttp.perSecond(),
                        viaHttp.latencies().percentile(50), viaHttp.latencies().percentile(99), raw.perSecond(),
                        raw.latencies().percentile(50), raw.latencies().percentile(99),
                        100 * busRate / raw.perSecond(), 100 * viaHttp.perSecond() / raw.perSecond());
            }
            Results.printf("%ncommand service peak resident memory: %d MB (-Xmx1g)%n", service.peakResidentMegabytes());
        }
    }

    /** A plan version of 32 actions, so that every client writes to an action of its own. */
    private void publishBenchPlan(ServiceProcess service) throws Exception {
        String actions = IntStream.rangeClosed(1, 32)
                .mapToObj(n -> "{\"number\": " + n + ", \"aim\": \"A\", \"title\": \"Bench action " + n + "\", \"timeframe\": \"SHORT\"}")
                .collect(Collectors.joining(", "));
        String body = "{\"versionId\": \"2024-01\", \"title\": \"Bench\", \"publishedOn\": \"2024-01-01\", "
                + "\"aims\": [{\"code\": \"A\", \"title\": \"Aim\", \"statement\": \"s\"}], \"actions\": [" + actions + "]}";
        int status = post(service, "/api/plans/bench/versions", body);
        if (status != 201) {
            throw new IllegalStateException("publishing the bench plan answered " + status);
        }
    }

    /** The same commands sent to the command gateway inside the service's process: rate, p50 and p99. */
    private static String[] inProcess(ServiceProcess service, int clients, int commands, String label) throws Exception {
        return service.ask("bus " + clients + " " + commands + " " + label, InProcessCommands.ANSWER,
                Duration.ofMinutes(10)).split(" ");
    }

    private Load.Result timed(ServiceProcess service, int clients, int commands, String label) throws Exception {
        return Load.run(clients, commands, (client, i) -> {
            int status = post(service, "/api/plans/bench/versions/2024-01/actions/" + (client + 1) + "/progress",
                    "{\"summary\": \"" + label + " " + client + "/" + i + ": the digital pathway is live in one more board\"}");
            if (status != 201) {
                throw new IllegalStateException("a command answered " + status);
            }
        });
    }

    /** The newest stored progress event, whose payload and metadata the raw baseline writes again. */
    private static byte[][] template(DriverManagerDataSource dataSource) {
        return JdbcClient.create(dataSource).sql("""
                        SELECT payload, meta_data FROM events.domain_event_entry WHERE payload_type = 'ProgressRecorded'
                         ORDER BY global_index DESC LIMIT 1""")
                .query((rs, row) -> new byte[][] {rs.getBytes("payload"), rs.getBytes("meta_data")}).single();
    }

    private static Load.Result raw(Database database, int clients, int commands, byte[][] event) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Connection connection = DriverManager.getConnection(database.url(), database.username(),
                    database.password() == null ? "" : database.password());
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            return Load.run(clients, commands, (client, i) -> {
                Connection connection = connections.get(client);
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type,
                               event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, ?, 'Action', ?, ?, ?, NULL, 'ProgressRecorded', ?)""")) {
                    insert.setString(1, "raw-" + run + "/" + client);
                    insert.setLong(2, i);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, event[1]);
                    insert.setBytes(5, event[0]);
                    insert.setString(6, Instant.now().toString());
                    insert.executeUpdate();
                }
                connection.commit();
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private int post(ServiceProcess service, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.url(path)))
                        .header("Content-Type", "application/json").header("Authorization", SECRETARIAT)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
