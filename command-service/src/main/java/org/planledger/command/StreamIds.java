package org.planledger.command;

/**
 * The aggregate identifiers events are stored under. Plan versions and actions use their references
 * ({@code chronic-pain/2023-11}, {@code chronic-pain/2023-11/7}), which contain a slash; bodies, meetings and
 * decisions are bare ids that could coincide with one another, so their streams carry the kind as a prefix.
 */
public final class StreamIds {

    private StreamIds() {
    }

    public static String body(String bodyId) {
        return "body:" + bodyId;
    }

    public static String meeting(String meetingId) {
        return "meeting:" + meetingId;
    }

    public static String decision(String decisionId) {
        return "decision:" + decisionId;
    }
}
