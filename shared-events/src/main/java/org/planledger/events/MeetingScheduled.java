package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A meeting of a body was set for a date. */
@JsonTypeName("MeetingScheduled")
@Revision("1")
public record MeetingScheduled(String meetingId, String bodyId, LocalDate heldOn, String title) implements MeetingEvent {
}
