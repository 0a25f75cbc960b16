package org.planledger.events;

/**
 * Where an action stands. The first three are open states that progress updates move between;
 * the last three end an action (see docs/domain.md for why this set).
 */
public enum ActionStatus {
    NOT_STARTED, IN_PROGRESS, AT_RISK, COMPLETED, CARRIED_FORWARD, CLOSED;

    public boolean isEnded() {
        return this == COMPLETED || this == CARRIED_FORWARD || this == CLOSED;
    }
}
