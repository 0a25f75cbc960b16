package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** A meeting's approved minutes were published. */
@JsonTypeName("MinutesPublished")
@Revision("1")
public record MinutesPublished(String meetingId) implements MeetingEvent {
}
