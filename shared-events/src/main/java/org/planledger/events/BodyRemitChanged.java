package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** A body's remit changed. */
@JsonTypeName("BodyRemitChanged")
@Revision("1")
public record BodyRemitChanged(String bodyId, String from, String to) implements BodyEvent {
}
