package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An action appeared in a published plan version. {@code timeframe} and {@code ownerBodyId} are null where the
 * source document gives none; {@code continues} lists the earlier actions whose work this one carries on.
 */
@JsonTypeName("ActionPublished")
@Revision("1")
public record ActionPublished(ActionRef action, String aim, String title, String description, Timeframe timeframe,
                              String ownerBodyId, ActionStatus status, List<ActionRef> continues)
        implements ActionEvent {

    public ActionPublished {
        continues = List.copyOf(continues);
    }
}
