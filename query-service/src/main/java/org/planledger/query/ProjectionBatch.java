package org.planledger.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection has to write for the batch of events its processor is handling, kept until the batch is about
 * to commit and then written at once, in the batch's own transaction (with the processor's token).
 * <p>
 * A processor hands a projection up to a batch of events in one unit of work. Written event by event, each row
 * is a round trip to PostgreSQL; kept and written together, a batch costs a few round trips whatever its size.
 * If the write fails the whole batch rolls back, token included, and the processor handles it again.
 */
public final class ProjectionBatch {

    private ProjectionBatch() {
    }

    /**
     * The pending writes of {@code key} in the current batch, started with {@code start} on the batch's first event;
     * {@code write} is called with them once, before the batch commits.
     */
    public static <T> T current(String key, Supplier<T> start, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(key + " is written by an event processor, inside its unit of work");
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, ignored -> {
            T pending = start.get();
            batch.onPrepareCommit(unitOfWork -> write.accept(pending));
            return pending;
        });
    }
}
