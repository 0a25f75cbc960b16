package org.planledger.events;

/** Every event in the ledger names the thing it is about, as a reference a person can read. */
public interface LedgerEvent {

    /** e.g. {@code chronic-pain/2023-11} for a plan version, {@code chronic-pain/2023-11/7} for an action. */
    String subject();
}
