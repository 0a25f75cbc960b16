package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Who attended a meeting and who sent apologies; a later record replaces an earlier one. */
@JsonTypeName("AttendanceRecorded")
@Revision("1")
public record AttendanceRecorded(String meetingId, List<Person> present, List<Person> apologies) implements MeetingEvent {

    public AttendanceRecorded {
        present = List.copyOf(present);
        apologies = List.copyOf(apologies);
    }
}
