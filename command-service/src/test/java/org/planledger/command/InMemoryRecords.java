package org.planledger.command;

import org.planledger.events.ActionRef;
import org.planledger.events.BodyKind;
import org.planledger.events.Person;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Other aggregates' records as an aggregate test needs them, set up by the test. */
public class InMemoryRecords implements GovernanceRecords {

    private final Map<String, BodyFacts> bodies = new HashMap<>();
    private final Map<String, MeetingFacts> meetings = new HashMap<>();
    private final Map<String, DecisionFacts> decisions = new HashMap<>();
    private final Set<ActionRef> actions = new HashSet<>();

    public InMemoryRecords body(String bodyId, BodyKind kind, Person chair) {
        bodies.put(bodyId, new BodyFacts(bodyId, kind, false, chair));
        return this;
    }

    public InMemoryRecords disbandedBody(String bodyId) {
        bodies.put(bodyId, new BodyFacts(bodyId, BodyKind.SHORT_LIFE_WORKING_GROUP, true, null));
        return this;
    }

    public InMemoryRecords meeting(String meetingId, String bodyId, LocalDate heldOn) {
        meetings.put(meetingId, new MeetingFacts(meetingId, bodyId, heldOn));
        return this;
    }

    public InMemoryRecords decision(String decisionId, ActionRef... concerns) {
        decisions.put(decisionId, new DecisionFacts(decisionId, "tf-2024-01-15", List.of(concerns)));
        return this;
    }

    public InMemoryRecords action(ActionRef action) {
        actions.add(action);
        return this;
    }

    @Override
    public Optional<BodyFacts> body(String bodyId) {
        return Optional.ofNullable(bodies.get(bodyId));
    }

    @Override
    public Optional<MeetingFacts> meeting(String meetingId) {
        return Optional.ofNullable(meetings.get(meetingId));
    }

    @Override
    public Optional<DecisionFacts> decision(String decisionId) {
        return Optional.ofNullable(decisions.get(decisionId));
    }

    @Override
    public boolean actionExists(ActionRef action) {
        return actions.contains(action);
    }
}
