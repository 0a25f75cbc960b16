package org.planledger.benchmarks;

import java.nio.file.Path;

/**
 * Runs a benchmark by name. {@code query-latency [events] [plans]}: as-of status and audit pages on a synthetic
 * ledger, beside the same rows read by raw JDBC. {@code command-throughput [stored events]}: commands in-process (to
 * the command gateway) and over HTTP with 1, 8 and 32 clients beside raw-JDBC inserts of the same events, on a store holding that many events already.
 * {@code replay [events] [plans]}: every projection built from nothing, beside the raw limit of a replay (every event
 * read and deserialised). Run from the repository root after
 * {@code ./mvnw -q package -DskipTests}: {@code java -jar benchmarks/target/benchmarks.jar query-latency 100000}.
 */
public final class Benchmarks {

    /** Where each run's printed results are kept too (see Results). */
    private static final Path DOCUMENT = Path.of("docs/benchmarks.md");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "query-latency";
        if (name.equals("command-throughput")) {
            long stored = args.length > 1 ? Long.parseLong(args[1]) : 0;
            new CommandThroughput(stored, Path.of("command-service/target/command-service.jar"),
                    Path.of("benchmarks/target/classes")).run();
            Results.writeTo(DOCUMENT, name + " " + stored);
            return;
        }
        if (!name.equals("query-latency") && !name.equals("replay")) {
            System.err.println("unknown benchmark " + name + "; known: query-latency, command-throughput, replay");
            System.exit(2);
        }
        long events = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int plans = args.length > 2 ? Integer.parseInt(args[2]) : (int) Math.max(1, events / 1_000);
        QueryLatency benchmark = new QueryLatency(events, plans, Path.of("query-service/target/query-service.jar"));
        if (name.equals("replay")) {
            benchmark.replay();
        } else {
            benchmark.run();
        }
        Results.writeTo(DOCUMENT, name + " " + events + " " + plans);
    }
}
