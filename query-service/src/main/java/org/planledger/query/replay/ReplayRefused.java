package org.planledger.query.replay;

/** A replay could not start (HTTP 409). */
public class ReplayRefused extends RuntimeException {

    public ReplayRefused(String message) {
        super(message);
    }
}
