package org.planledger.benchmarks;

import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A service's jar, run as its own process against the benchmark's database, with the demo accounts. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    final Path log;

    private final long startedAt = System.nanoTime();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess queryService(Path jar, TestDatabase database) throws IOException {
        return start(jar, "QUERY_SERVICE_PORT", database, database.query(), Map.of());
    }

    /**
     * The command service as deployed, but started through Spring Boot's PropertiesLauncher with this module's
     * classes added and {@link InProcessCommands} as its main class, so that {@link #ask} can also drive its command
     * bus from inside the process.
     */
    static ServiceProcess commandService(Path jar, Path benchmarkClasses, TestDatabase database) throws IOException {
        return start(jar, List.of("-cp", jar.toString(), "-Dloader.main=" + InProcessCommands.MAIN,
                        "-Dloader.path=" + benchmarkClasses.toAbsolutePath(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher"),
                "COMMAND_SERVICE_PORT", database, database.command(), Map.of("PLAN_LEDGER_SEED_IMPORT_ON_START", "true"));
    }

    private static ServiceProcess start(Path jar, String portVariable, TestDatabase database, Database login,
                                        Map<String, String> env) throws IOException {
        return start(jar, List.of("-jar", jar.toString()), portVariable, database, login, env);
    }

    /** The service logs in as {@code login}, its migrations as the schemas' owner. */
    private static ServiceProcess start(Path jar, List<String> launch, String portVariable, TestDatabase database,
                                        Database login, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -q package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile(jar.getFileName().toString().replace(".jar", "") + "-bench", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", login.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", login.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", login.password());
        builder.environment().put("SPRING_FLYWAY_USER", database.owner().username());
        builder.environment().put("SPRING_FLYWAY_PASSWORD", database.owner().password());
        builder.environment().put(portVariable, Integer.toString(port));
        // The harness signs in with the demo accounts (auditor for the audit log, secretariat for commands).
        builder.environment().put("PLAN_LEDGER_SECURITY_DEMO_ACCOUNTS", "true");
        builder.environment().put("DEMO_PASSWORD", "benchmark");
        builder.environment().putAll(env);
        return new ServiceProcess(builder.start(), port, log);
    }

    /**
     * Sends one line to the process's standard input and waits for the next line of its output that starts with
     * {@code answer}; answers the rest of that line.
     */
    String ask(String line, String answer, Duration timeout) throws IOException {
        long seen = Files.readAllLines(log).stream().filter(l -> l.startsWith(answer)).count();
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        return await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped; see " + log);
            }
            List<String> answers = Files.readAllLines(log).stream().filter(l -> l.startsWith(answer)).toList();
            return answers.size() > seen ? answers.get(answers.size() - 1).substring(answer.length()) : null;
        }, java.util.Objects::nonNull);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the service answers its health endpoint; answers how long it took from the start. */
    Duration awaitUp(HttpClient http, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the service stopped; see " + log);
                    }
                    return http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** The process's peak resident memory (VmHWM), in MB, as Linux reports it; -1 where it does not. */
    long peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
