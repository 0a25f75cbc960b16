package org.planledger.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.planledger.web.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one event's failure to itself, so that its projection can park it in the dead-letter queue and go on.
 * <p>
 * An event is handled inside a savepoint whenever its writes may fail there: always for a projection that writes from
 * its handlers, and for a {@link WritesAtBatchEnd} projection when its rows are written as soon as the event is
 * handled. That happens for small batches (live traffic), for a dead letter being retried, and after a large batch
 * failed when its rows were written: until the processor is past that batch, each event's rows are written on
 * their own, so that the event the database refuses is found. A failing event is tried {@value #ATTEMPTS} times and
 * then left to the dead-letter queue ({@link DeadLetterConfiguration}); a failure of the database itself
 * ({@link DatabaseFailures#passing}) is not the event's fault and fails the whole batch, which is handled again later.
 */
@Component
public class EventIsolation implements HandlerEnhancerDefinition {

    static final int ATTEMPTS = 3;
    /** Batches up to this size write each event's rows at once: a few more round trips, for live events only. */
    static final int SMALL_BATCH = 16;

    private static final Logger log = LoggerFactory.getLogger(EventIsolation.class);
    private static final String WATCHED = EventIsolation.class.getName() + ".watched";
    private static final String SMALL = EventIsolation.class.getName() + ".small";

    private final TransactionTemplate savepoint;
    /** Per processing group, the position up to which events are handled one at a time after a failed batch. */
    private final Map<String, Long> eachEventUntil = new ConcurrentHashMap<>();

    public EventIsolation(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || original.hasAnnotation(ResetHandler.class)) {
            return original;
        }
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            return original;
        }
        return new Isolated<>(original, group.value(), original.declaringClass().isAnnotationPresent(WritesAtBatchEnd.class));
    }

    private final class Isolated<T> extends WrappedMessageHandlingMember<T> {
        private final String group;
        private final boolean writesAtBatchEnd;

        Isolated(MessageHandlingMember<T> delegate, String group, boolean writesAtBatchEnd) {
            super(delegate);
            this.group = group;
            this.writesAtBatchEnd = writesAtBatchEnd;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            boolean eachEvent = eachEvent(message);
            if (writesAtBatchEnd && !eachEvent) {
                watch(CurrentUnitOfWork.get().root());
                return super.handle(message, target);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return inSavepoint(message, target, writesAtBatchEnd);
                } catch (Exception e) {
                    ProjectionBatch.discard();
                    if (attempt >= ATTEMPTS || DatabaseFailures.passing(e)) {
                        throw e;
                    }
                    log.info("{}: event {} failed (attempt {} of {}): {}", group, message.getIdentifier(), attempt,
                            ATTEMPTS, e.toString());
                }
            }
        }

        private Object inSavepoint(Message<?> message, T target, boolean writeNow) throws Exception {
            try {
                return savepoint.execute(status -> {
                    try {
                        Object result = super.handle(message, target);
                        if (writeNow) {
                            ProjectionBatch.writeNow();
                        }
                        return result;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                });
            } catch (Checked e) {
                throw e.exception;
            }
        }

        /** Whether this event's writes happen now, each in its own savepoint, rather than at the end of the batch. */
        private boolean eachEvent(Message<?> message) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            if (current.resources().containsKey(DeadLetter.class.getName())) {
                return true;
            }
            // Asked once per batch: the batch builds its list of messages afresh on every call.
            if (current.root().getOrComputeResource(SMALL, key -> current.root() instanceof BatchingUnitOfWork<?> batch
                    && batch.getMessages().size() <= SMALL_BATCH)) {
                return true;
            }
            return position(message) <= eachEventUntil.getOrDefault(group, -1L);
        }

        /** If this large batch rolls back for a reason of its own, handle its events one at a time next time. */
        private void watch(UnitOfWork<?> batch) {
            String key = WATCHED + "." + group;
            if (batch.resources().putIfAbsent(key, Boolean.TRUE) != null || !(batch instanceof BatchingUnitOfWork<?> messages)) {
                return;
            }
            batch.onRollback(unitOfWork -> {
                Throwable cause = unitOfWork.getExecutionResult().getExceptionResult();
                if (cause != null && DatabaseFailures.passing(cause)) {
                    return;
                }
                long last = messages.getMessages().stream().mapToLong(EventIsolation::position).max().orElse(-1);
                eachEventUntil.merge(group, last, Math::max);
                log.warn("{}: a batch up to position {} could not be written ({}); handling it again one event at a time",
                        group, last, cause);
            });
        }
    }

    private static long position(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
    }

    /** Carries a checked exception through the transaction callback. */
    private static final class Checked extends RuntimeException {
        private final Exception exception;

        Checked(Exception exception) {
            super(exception);
            this.exception = exception;
        }
    }
}
