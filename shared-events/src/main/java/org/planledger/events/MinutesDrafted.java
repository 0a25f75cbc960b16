package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The draft minutes of a meeting; a later draft replaces an earlier one until they are approved. */
@JsonTypeName("MinutesDrafted")
@Revision("1")
public record MinutesDrafted(String meetingId, List<MinuteItem> items) implements MeetingEvent {

    public MinutesDrafted {
        items = List.copyOf(items);
    }
}
