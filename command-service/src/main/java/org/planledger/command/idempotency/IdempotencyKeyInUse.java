package org.planledger.command.idempotency;

/** The first request with this Idempotency-Key has not finished yet (HTTP 409). */
public class IdempotencyKeyInUse extends RuntimeException {

    public IdempotencyKeyInUse(String key) {
        super("a request with Idempotency-Key '" + key + "' is still being processed; retry shortly for its answer");
    }
}
