package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** The chair of another body ({@code chairOf}) was co-opted onto this body, the Task Force, while their group is operational. */
@JsonTypeName("ChairCoOpted")
@Revision("1")
public record ChairCoOpted(String bodyId, Person chair, String chairOf) implements BodyEvent {
}
