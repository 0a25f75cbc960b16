package org.planledger.command;

import java.time.LocalDate;

/**
 * A command that may say why it is made, under which minuted decision, and from which date it takes effect.
 * These travel as metadata on every event the command produces (see metadata.EventMetadataInterceptor).
 */
public interface GovernedCommand {

    default String reason() {
        return null;
    }

    default String decisionId() {
        return null;
    }

    /** Null means "on the date it is recorded". */
    default LocalDate effectiveOn() {
        return null;
    }
}
