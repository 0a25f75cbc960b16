package org.planledger.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection whose handlers only read and keep their rows in {@link ProjectionBatch}, writing nothing
 * themselves. {@link EventIsolation} runs such handlers without a savepoint of their own while a batch is large;
 * a projection that writes from its handlers gets one around every event.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WritesAtBatchEnd {
}
