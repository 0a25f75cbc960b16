package org.planledger.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded server running, as a service manager would: its postmaster is looked at a few times a second
 * and, should it die (killed, crashed, out of memory), is started again, which replays the write-ahead log. A
 * server that dies again within {@link #STEADY} of being started is in a crash loop: it is started again only after a
 * pause, {@link #FIRST_PAUSE} and doubling up to {@link #LONGEST_PAUSE}, as Kubernetes would; a start
 * that fails (the dead server's processes may hold its shared memory a moment longer) counts as such a death.
 */
final class PostgresSupervisor {

    private static final Duration LOOK_EVERY = Duration.ofMillis(250);
    static final Duration STEADY = Duration.ofSeconds(60);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(10);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "postgres-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private ProcessHandle postmaster;
    private Instant startedAt = Instant.now();
    private Duration pause = Duration.ZERO;
    /** Set once a death is noticed: when the server is to be started again. */
    private Instant startAt;
    private boolean stopped;

    PostgresSupervisor(EmbeddedPostgres server, Path dataDirectory) throws IOException {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.postmaster = postmaster();
        watch.scheduleWithFixedDelay(this::look, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops watching, then the server (whichever postmaster is running now). */
    synchronized void stop() throws IOException {
        stopped = true;
        watch.shutdownNow();
        server.close();
    }

    private synchronized void look() {
        if (stopped || postmaster.isAlive()) {
            return;
        }
        Instant now = Instant.now();
        if (startAt == null) {
            boolean crashLoop = Duration.between(startedAt, now).compareTo(STEADY) < 0;
            pause = !crashLoop ? Duration.ZERO : pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
            startAt = now.plus(pause);
            System.out.printf("PostgreSQL (postmaster %d) has stopped; starting it again%s%n", postmaster.pid(),
                    pause.isZero() ? "" : " in " + pause.toSeconds() + " s, since it stopped within "
                            + STEADY.toSeconds() + " s of its last start");
        }
        if (now.isBefore(startAt)) {
            return;
        }
        // A start that fails counts as one that died at once: the next is paused as in a crash loop.
        startAt = null;
        try {
            startAgain();
            postmaster = postmaster();
            System.out.printf("PostgreSQL started again in %d ms (postmaster %d)%n",
                    Duration.between(now, Instant.now()).toMillis(), postmaster.pid());
        } catch (IOException | RuntimeException e) {
            System.out.println("Starting PostgreSQL again failed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            startedAt = Instant.now();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * {@code pg_ctl restart} starts a server that is not running with the options it last ran with, which PostgreSQL
     * keeps in {@code postmaster.opts}, the first of them the server's own binary, beside which pg_ctl is.
     */
    private void startAgain() throws IOException, InterruptedException {
        String options = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        int end = options.indexOf(" \"");
        Path pgCtl = Path.of(end < 0 ? options : options.substring(0, end)).resolveSibling("pg_ctl");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As root, PostgreSQL will not start; the library starts it in a user namespace of its own, and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "restart", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60"));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("pg_ctl restart exited with " + process.exitValue());
        }
    }

    /** The running postmaster, by the process id it writes on the first line of postmaster.pid. */
    private ProcessHandle postmaster() throws IOException {
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).strip();
        return ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IOException("no postmaster runs with the process id " + pid));
    }
}
