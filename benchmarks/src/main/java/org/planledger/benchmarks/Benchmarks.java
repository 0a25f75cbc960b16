package org.planledger.benchmarks;

import java.nio.file.Path;

/**
 * Runs a benchmark by name. {@code query-latency [events] [plans]}: as-of status and audit pages on a synthetic
 * ledger, beside the same rows read by raw JDBC. Run from the repository root after
 * {@code ./mvnw -q package -DskipTests}: {@code java -jar benchmarks/target/benchmarks.jar query-latency 100000}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "query-latency";
        if (!name.equals("query-latency")) {
            System.err.println("unknown benchmark " + name + "; known: query-latency");
            System.exit(2);
        }
        long events = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int plans = args.length > 2 ? Integer.parseInt(args[2]) : (int) Math.max(1, events / 1_000);
        new QueryLatency(events, plans, Path.of("query-service/target/query-service.jar")).run();
    }
}
