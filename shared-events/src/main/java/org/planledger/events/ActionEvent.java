package org.planledger.events;

/** An event in the life of one action. */
public interface ActionEvent extends LedgerEvent {

    ActionRef action();

    @Override
    default String subject() {
        return action().toString();
    }
}
