package org.planledger.command.metadata;

/** Metadata a command carries for its handler only; unlike EventMetadata's keys it is not copied onto events. */
public final class CommandMetadata {

    /** The body whose chair sent the command, when a chair did (see CurrentActor.chairOf). */
    public static final String ACTING_FOR = "actingFor";

    private CommandMetadata() {
    }
}
