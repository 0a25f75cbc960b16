package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** Responsibility for an action passed from one governance body to another ({@code from} is null if it had none). */
@JsonTypeName("OwnerReassigned")
@Revision("1")
public record OwnerReassigned(ActionRef action, String from, String to) implements ActionEvent {
}
