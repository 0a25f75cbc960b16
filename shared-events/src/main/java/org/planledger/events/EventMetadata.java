package org.planledger.events;

import java.time.ZoneId;
import java.util.List;

/** The metadata keys every stored event carries (DESIGN.md, "Architecture"). */
public final class EventMetadata {

    /** Who did it: the authenticated principal, never a value from a request body. */
    public static final String ACTOR = "actor";
    /** When the ledger recorded it: an ISO-8601 instant. */
    public static final String RECORDED_AT = "recordedAt";
    /** The date the change took effect: an ISO-8601 date in {@link #ZONE}, by default the recorded date. */
    public static final String EFFECTIVE_ON = "effectiveOn";
    /** Why, in the words of whoever made the change; absent when none was given. */
    public static final String REASON = "reason";
    /** The minuted decision that authorised the change; absent when none was cited. */
    public static final String DECISION_ID = "decisionId";
    /** Ties together every event caused by one request. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the command that produced the event. */
    public static final String COMMAND_ID = "commandId";

    /** The ledger's civil time: effective dates, and "today", are dates in Scotland. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    public static final List<String> KEYS =
            List.of(ACTOR, RECORDED_AT, EFFECTIVE_ON, REASON, DECISION_ID, CORRELATION_ID, COMMAND_ID);

    private EventMetadata() {
    }
}
