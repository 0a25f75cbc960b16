package org.planledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Two things timed in turn, many times over after a warm-up, compared by their medians: taken in turn, noise and
 * drift (another process, the JIT) fall on both alike.
 *
 * @param first  the first's median, in ns
 * @param second the second's median, in ns
 * @param tries  how many of each were timed (after the warm-up)
 */
public record PairedTimings(long first, long second, int tries) {

    /** Runs {@code first} and {@code second} with 0, 1, 2, … in turn, timing the last {@code tries} of each. */
    public static PairedTimings of(int warmUp, int tries, IntConsumer first, IntConsumer second) {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < warmUp + tries; i++) {
            long start = System.nanoTime();
            first.accept(i);
            long middle = System.nanoTime();
            second.accept(i);
            long end = System.nanoTime();
            if (i >= warmUp) {
                a.add(middle - start);
                b.add(end - middle);
            }
        }
        return new PairedTimings(median(a), median(b), tries);
    }

    public long difference() {
        return Math.abs(first - second);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
