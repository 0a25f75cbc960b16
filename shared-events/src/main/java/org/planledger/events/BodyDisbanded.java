package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A body was disbanded. */
@JsonTypeName("BodyDisbanded")
@Revision("1")
public record BodyDisbanded(String bodyId, LocalDate disbandedOn) implements BodyEvent {
}
