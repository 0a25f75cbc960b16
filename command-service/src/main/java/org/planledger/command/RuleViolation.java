package org.planledger.command;

/** A command was well formed but the plan's rules refuse it (HTTP 422). The message says which rule. */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
