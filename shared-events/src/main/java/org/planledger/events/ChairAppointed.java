package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** Someone became a body's chair, replacing {@code replaced} (null if it had none). */
@JsonTypeName("ChairAppointed")
@Revision("1")
public record ChairAppointed(String bodyId, Person chair, Person replaced) implements BodyEvent {
}
