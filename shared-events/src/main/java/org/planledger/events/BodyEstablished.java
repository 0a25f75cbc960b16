package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A governance body was established. {@code establishedOn} is null where the sources do not date it; {@code aim} is the plan aim it serves, if any. */
@JsonTypeName("BodyEstablished")
@Revision("1")
public record BodyEstablished(String bodyId, BodyKind kind, String name, String remit, String aim, LocalDate establishedOn) implements BodyEvent {
}
