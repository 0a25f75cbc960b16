package org.planledger.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Clients sending commands side by side, a thread each, while the test does something else meanwhile. */
final class Clients {

    /** Command {@code i} of client {@code client}. */
    interface Command {
        void send(int client, int i) throws Exception;
    }

    private final ExecutorService threads;
    private final List<CompletableFuture<Void>> done = new ArrayList<>();

    private Clients(int clients, int commandsEach, Command command) {
        threads = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            int c = client;
            done.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < commandsEach; i++) {
                    try {
                        command.send(c, i);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, threads));
        }
    }

    static Clients start(int clients, int commandsEach, Command command) {
        return new Clients(clients, commandsEach, command);
    }

    /** Waits until every client has sent all its commands; a client's failure fails the wait. */
    void awaitAll() throws Exception {
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            threads.shutdown();
        }
    }

    /** Starts the clients and waits for them. */
    static void run(int clients, int commandsEach, Command command) throws Exception {
        start(clients, commandsEach, command).awaitAll();
    }
}
