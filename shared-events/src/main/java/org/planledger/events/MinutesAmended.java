package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Approved minutes were amended: these items replace the approved ones, which stay on record. Why is the event's reason. */
@JsonTypeName("MinutesAmended")
@Revision("1")
public record MinutesAmended(String meetingId, List<MinuteItem> items) implements MeetingEvent {

    public MinutesAmended {
        items = List.copyOf(items);
    }
}
