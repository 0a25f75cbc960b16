package org.planledger.command;

import org.planledger.events.ActionRef;

/**
 * The rule that a change to an action must be authorised: a cited decision must be recorded and must name the
 * action. A decision authorises only the actions it names.
 */
public final class Mandate {

    private Mandate() {
    }

    /** Refuses the change unless {@code decisionId} names a recorded decision that concerns the action. */
    public static void require(GovernanceRecords records, String decisionId, ActionRef action, String change) {
        if (decisionId == null || decisionId.isBlank()) {
            throw new RuleViolation(change + " " + action
                    + " needs a mandate: cite the recorded decision that authorised it as decisionId");
        }
        check(records, decisionId, action);
    }

    /** Where a change may cite a decision but need not, a cited one must still be recorded and concern the action. */
    public static void checkIfCited(GovernanceRecords records, String decisionId, ActionRef action) {
        if (decisionId != null && !decisionId.isBlank()) {
            check(records, decisionId, action);
        }
    }

    private static void check(GovernanceRecords records, String decisionId, ActionRef action) {
        GovernanceRecords.DecisionFacts decision = records.decision(decisionId).orElseThrow(() -> new RuleViolation(
                "decision " + decisionId + " is not recorded; record it at its meeting before citing it"));
        if (!decision.actions().contains(action)) {
            throw new RuleViolation("decision " + decisionId + " does not concern " + action
                    + "; it can authorise changes only to " + (decision.actions().isEmpty() ? "no action" : decision.actions()));
        }
    }
}
