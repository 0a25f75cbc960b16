package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

/** An action's delivery timeframe changed ({@code from} is null where none was given). */
@JsonTypeName("TimeframeChanged")
@Revision("1")
public record TimeframeChanged(ActionRef action, Timeframe from, Timeframe to) implements ActionEvent {
}
