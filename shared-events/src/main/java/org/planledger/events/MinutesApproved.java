package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** A meeting's minutes were approved at a later meeting, {@code approvedAt}. */
@JsonTypeName("MinutesApproved")
@Revision("1")
public record MinutesApproved(String meetingId, String approvedAt) implements MeetingEvent {
}
