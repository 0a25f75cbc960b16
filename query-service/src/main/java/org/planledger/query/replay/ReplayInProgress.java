package org.planledger.query.replay;

/** The read models are being rebuilt, so the answer would be incomplete (HTTP 503). */
public class ReplayInProgress extends RuntimeException {

    public ReplayInProgress() {
        super("the read models are being rebuilt from the event store; try again shortly");
    }
}
