package org.planledger.system;

import org.planledger.localpostgres.Database;
import org.planledger.localpostgres.DatabaseRoles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run.sh} started as a user would start it, on free ports and a data directory of the test's own: in the
 * checkout the build ran in, with the jars it built, or in a clone of it, where run.sh builds them itself.
 */
final class PlanLedgerProcess implements AutoCloseable {

    /** The checkout this build runs in. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Long enough for run.sh to build Plan Ledger in a fresh clone, then start it. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);

    final int commandPort;
    final int queryPort;
    final int databasePort;
    final Path dataDir;
    private final Path root;
    private final Database database;
    private Process process;
    private List<ProcessHandle> children = List.of();
    private Duration startup;

    PlanLedgerProcess(Path dataDir) throws IOException {
        this(ROOT, dataDir, null);
    }

    /** With {@code database} given, run.sh starts no PostgreSQL of its own and uses that one (SPRING_DATASOURCE_URL). */
    PlanLedgerProcess(Path dataDir, Database database) throws IOException {
        this(ROOT, dataDir, database);
    }

    /** run.sh in {@code root}: this checkout, or a clone of it ({@link #cloneOfHead}). */
    PlanLedgerProcess(Path root, Path dataDir, Database database) throws IOException {
        this.root = root;
        this.dataDir = dataDir;
        this.database = database;
        this.commandPort = freePort();
        this.queryPort = freePort();
        this.databasePort = freePort();
        for (String jar : List.of("local-postgres/target/local-postgres-exec.jar",
                "command-service/target/command-service.jar", "query-service/target/query-service.jar")) {
            if (root.equals(ROOT) && !Files.exists(ROOT.resolve(jar))) {
                throw new IllegalStateException(jar + " is missing: run the system tests with ./mvnw verify from the top");
            }
        }
    }

    /**
     * A clone of this checkout's HEAD in {@code into}, as a user gets it: {@code git clone} brings no build output
     * and nothing that is not committed. CI's checkout is itself a clean clone of main, so its HEAD is the commit
     * under test; run locally, changes not yet committed are not in the clone.
     */
    static Path cloneOfHead(Path into) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "clone", "--quiet", ROOT.toString(), into.toString())
                .redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git clone " + ROOT + " failed: " + output);
        }
        return into;
    }

    /** Starts run.sh and returns once it says Plan Ledger is running. */
    PlanLedgerProcess start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "run.sh").directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("SPRING_DATASOURCE_URL");
        env.remove("PLAN_LEDGER_REBUILD");
        if (database != null) {
            env.put("SPRING_DATASOURCE_URL", database.url());
            env.put("SPRING_DATASOURCE_USERNAME", database.username());
            env.put("SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        }
        env.put("COMMAND_SERVICE_PORT", Integer.toString(commandPort));
        env.put("QUERY_SERVICE_PORT", Integer.toString(queryPort));
        env.put("PLAN_LEDGER_DB_PORT", Integer.toString(databasePort));
        env.put("PLAN_LEDGER_DATA_DIR", dataDir.toString());
        env.put("JAVA_OPTS", "-Xmx512m");
        long started = System.nanoTime();
        process = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Path log = dataDir.resolve("run.sh.out");
        Files.createDirectories(dataDir);
        Thread reader = new Thread(() -> copyOutput(ready, log), "run.sh-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS);
        startup = Duration.ofNanos(System.nanoTime() - started);
        children = process.descendants().toList();
        return this;
    }

    Duration startup() {
        return startup;
    }

    String commandUrl(String path) {
        return "http://localhost:" + commandPort + path;
    }

    String queryUrl(String path) {
        return "http://localhost:" + queryPort + path;
    }

    /** The process of one service run.sh started, by its jar's name ({@code command-service.jar}, say). */
    ProcessHandle service(String jar) {
        return children.stream().filter(process -> process.info().commandLine().orElse("").contains(jar))
                .findFirst().orElseThrow(() -> new IllegalStateException("run.sh started no " + jar));
    }

    /** The embedded PostgreSQL's database, logged in as {@code login}; only while it runs (run.sh's own). */
    Database embeddedDatabase(DatabaseRoles.Login login) throws IOException {
        return new Database(Files.readString(dataDir.resolve("postgres.url")).strip(), login.role(), login.password());
    }

    /** The embedded PostgreSQL's postmaster, if one is running (its process id is in postmaster.pid). */
    Optional<ProcessHandle> postmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every process run.sh started (PostgreSQL's own server processes included). */
    List<ProcessHandle> children() {
        return children;
    }

    /** Whether run.sh has ended by itself within {@code limit}. */
    boolean endsWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends SIGTERM, as a service manager would, and waits for run.sh to finish. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("run.sh did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        // The postmaster runs detached from run.sh (pg_ctl starts it so); with its supervisor gone, end it too.
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    private void copyOutput(CompletableFuture<Void> ready, Path log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = out.readLine()) != null) {
                copy.println(line);
                if (line.startsWith("Plan Ledger is running")) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("run.sh ended before it was ready; see " + log));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    static boolean portOpen(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
