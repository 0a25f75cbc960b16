package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/** An action ended with its work carried into the actions of a later plan version. */
@JsonTypeName("ActionCarriedForward")
@Revision("1")
public record ActionCarriedForward(ActionRef action, List<ActionRef> into) implements ActionEvent {

    public ActionCarriedForward {
        into = List.copyOf(into);
    }
}
