package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** Someone left a body. */
@JsonTypeName("MemberRemoved")
@Revision("1")
public record MemberRemoved(String bodyId, Person member) implements BodyEvent {
}
