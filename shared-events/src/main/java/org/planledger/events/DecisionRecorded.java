package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A decision minuted at a meeting, and the actions it concerns. Only those actions may be changed under it: it is
 * the mandate a reassignment, a timeframe change or ending an action must cite.
 */
@JsonTypeName("DecisionRecorded")
@Revision("1")
public record DecisionRecorded(String decisionId, String meetingId, String text, List<ActionRef> actions)
        implements LedgerEvent {

    public DecisionRecorded {
        actions = List.copyOf(actions);
    }

    @Override
    public String subject() {
        return decisionId;
    }
}
