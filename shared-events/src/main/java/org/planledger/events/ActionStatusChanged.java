package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** An action moved from one status to another. */
@JsonTypeName("ActionStatusChanged")
@Revision("1")
public record ActionStatusChanged(ActionRef action, ActionStatus from, ActionStatus to) implements ActionEvent {
}
