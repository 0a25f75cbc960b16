package org.planledger.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection has to write for the batch of events its processor is handling, kept until the batch is about
 * to commit and then written at once, in the batch's own transaction (with the processor's token).
 * <p>
 * A processor hands a projection up to a batch of events in one unit of work. Written event by event, each row
 * is a round trip to PostgreSQL; kept and written together, a batch costs a few round trips whatever its size.
 * If the write fails the whole batch rolls back, token included, and the processor handles it again; then
 * {@link EventIsolation} has each event written as soon as it is handled, so that the one the database refuses can
 * be parked on its own.
 */
public final class ProjectionBatch {

    private static final String WRITES = ProjectionBatch.class.getName();

    private ProjectionBatch() {
    }

    /**
     * The pending writes of {@code key} in the current batch, started with {@code start} on the batch's first event;
     * {@code write} is called with them once, before the batch commits (or when {@link #writeNow()} is called).
     */
    public static <T> T current(String key, Supplier<T> start, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(key + " is written by an event processor, inside its unit of work");
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Writes writes = batch.getOrComputeResource(WRITES, ignored -> {
            Writes started = new Writes();
            batch.onPrepareCommit(unitOfWork -> started.write());
            return started;
        });
        return writes.of(key, start, write);
    }

    /** Writes what is pending now, in the current transaction, rather than when the batch commits. */
    static void writeNow() {
        writes().write();
    }

    /** Forgets what is pending: the event that added it has been rolled back. */
    static void discard() {
        writes().clear();
    }

    private static Writes writes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Writes();
        }
        Writes writes = CurrentUnitOfWork.get().root().getResource(WRITES);
        return writes == null ? new Writes() : writes;
    }

    /** The pending writes of each key, in the order the keys were first used. */
    private static final class Writes {
        private final Map<String, Pending<?>> pending = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        <T> T of(String key, Supplier<T> start, Consumer<T> write) {
            return ((Pending<T>) pending.computeIfAbsent(key, ignored -> new Pending<>(start.get(), write))).rows();
        }

        void write() {
            pending.values().forEach(Pending::write);
            pending.clear();
        }

        void clear() {
            pending.clear();
        }
    }

    private record Pending<T>(T rows, Consumer<T> writer) {
        void write() {
            writer.accept(rows);
        }
    }
}
