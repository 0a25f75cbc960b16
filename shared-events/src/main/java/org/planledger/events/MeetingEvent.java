package org.planledger.events;

/** An event in the life of one meeting and its minutes. */
public interface MeetingEvent extends LedgerEvent {

    String meetingId();

    @Override
    default String subject() {
        return meetingId();
    }
}
