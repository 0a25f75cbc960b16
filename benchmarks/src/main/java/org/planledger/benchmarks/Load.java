package org.planledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Commands split over client threads, each client sending its share one after another: each command's latency and
 * the run's rate. Needs only the JDK, since it also runs inside the command service's process (InProcessCommands).
 */
final class Load {

    private Load() {
    }

    interface Command {
        void send(int client, int i) throws Exception;
    }

    record Result(Latencies latencies, double perSecond) {
    }

    static Result run(int clients, int commands, Command command) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<List<Double>>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(() -> {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < commands / clients; i++) {
                    long start = System.nanoTime();
                    command.send(client, i);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                return millis;
            });
        }
        long start = System.nanoTime();
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> done : pool.invokeAll(work)) {
            all.addAll(done.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(Latencies.of(all), all.size() / seconds);
    }
}
