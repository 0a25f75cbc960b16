package org.planledger.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Timings of repeated calls, in milliseconds, and their percentiles. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    /** Times {@code call} {@code samples} times after {@code warmup} untimed calls. */
    static Latencies of(int warmup, int samples, Callable<?> call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.call();
            latencies.millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(latencies.millis);
        return latencies;
    }

    /** Latencies measured elsewhere (by several threads at once, say), in milliseconds. */
    static Latencies of(List<Double> measured) {
        Latencies latencies = new Latencies();
        latencies.millis.addAll(measured);
        Collections.sort(latencies.millis);
        return latencies;
    }

    double percentile(double p) {
        int index = (int) Math.ceil(p / 100 * millis.size()) - 1;
        return millis.get(Math.max(0, Math.min(index, millis.size() - 1)));
    }

    double median() {
        return percentile(50);
    }
}
