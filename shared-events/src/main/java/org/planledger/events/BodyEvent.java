package org.planledger.events;

/** An event in the life of one governance body. */
public interface BodyEvent extends LedgerEvent {

    String bodyId();

    @Override
    default String subject() {
        return bodyId();
    }
}
