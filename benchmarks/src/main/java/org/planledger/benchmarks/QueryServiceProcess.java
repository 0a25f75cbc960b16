package org.planledger.benchmarks;

import org.planledger.localpostgres.Database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The query service's jar, run as its own process against the benchmark's database. */
final class QueryServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    final Path log;

    private QueryServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static QueryServiceProcess start(Path jar, Database database) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -q package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("query-service-bench", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", database.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", database.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        builder.environment().put("QUERY_SERVICE_PORT", Integer.toString(port));
        // The audit log is for auditors: the harness signs in with the demo account (QueryLatency.AUDITOR).
        builder.environment().put("PLAN_LEDGER_SECURITY_DEMO_ACCOUNTS", "true");
        builder.environment().put("DEMO_PASSWORD", "benchmark");
        return new QueryServiceProcess(builder.start(), port, log);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the service answers its health endpoint. */
    void awaitUp(HttpClient http, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("query-service stopped; see " + log);
                    }
                    return http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
