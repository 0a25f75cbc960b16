package org.planledger.command;

import org.planledger.events.ActionRef;
import org.planledger.events.BodyKind;
import org.planledger.events.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one aggregate may need to know about others to apply its rules: does the decision exist and which actions
 * does it concern, is the body established, when was the meeting held. Read from what is committed, without
 * locking the other aggregates, so that rules never make two commands wait for each other.
 */
public interface GovernanceRecords {

    Optional<BodyFacts> body(String bodyId);

    Optional<MeetingFacts> meeting(String meetingId);

    Optional<DecisionFacts> decision(String decisionId);

    boolean actionExists(ActionRef action);

    record BodyFacts(String bodyId, BodyKind kind, boolean disbanded, Person chair) {
    }

    record MeetingFacts(String meetingId, String bodyId, LocalDate heldOn) {
    }

    record DecisionFacts(String decisionId, String meetingId, List<ActionRef> actions) {
    }
}
