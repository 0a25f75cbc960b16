package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** A body took a new name. */
@JsonTypeName("BodyRenamed")
@Revision("1")
public record BodyRenamed(String bodyId, String from, String to) implements BodyEvent {
}
