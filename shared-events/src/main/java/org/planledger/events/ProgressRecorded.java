package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Progress on an action was reported. When it took effect is the event's {@code effectiveOn} metadata. */
@JsonTypeName("ProgressRecorded")
@Revision("1")
public record ProgressRecorded(ActionRef action, String summary, List<String> evidence) implements ActionEvent {

    public ProgressRecorded {
        evidence = List.copyOf(evidence);
    }
}
