package org.planledger.command.idempotency;

/** An Idempotency-Key already used for a different request (HTTP 422). */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was first used for a different request; use a new key for a new request");
    }
}
