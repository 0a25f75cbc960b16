package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** Someone joined a body. */
@JsonTypeName("MemberAdded")
@Revision("1")
public record MemberAdded(String bodyId, Person member) implements BodyEvent {
}
