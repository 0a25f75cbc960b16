package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of one action: {@code {planId}/{versionId}/{number}}, e.g. {@code chronic-pain/2023-11/7}.
 * It is also the action's aggregate identifier and is stored in events as that string.
 */
public record ActionRef(String planId, String versionId, int number) {

    private static final Pattern PLAN_ID = Pattern.compile(Identifiers.SLUG);
    private static final Pattern VERSION_ID = Pattern.compile(Identifiers.VERSION);
    public static final int MAX_NUMBER = 999;

    public ActionRef {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(versionId, "versionId");
        if (!PLAN_ID.matcher(planId).matches()) {
            throw new IllegalArgumentException("plan id '" + planId + "' must be lower-case letters, digits and hyphens");
        }
        if (!VERSION_ID.matcher(versionId).matches()) {
            throw new IllegalArgumentException("version id '" + versionId + "' must be letters, digits, '.', '_' or '-'");
        }
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("action number must be between 1 and " + MAX_NUMBER);
        }
    }

    @JsonCreator
    public static ActionRef parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not an action reference of the form plan/version/number");
        }
        int number;
        try {
            number = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[2] + "' in '" + text + "' is not an action number");
        }
        return new ActionRef(parts[0], parts[1], number);
    }

    /** The plan version this action belongs to, as {@code {planId}/{versionId}}. */
    public String planVersionId() {
        return planId + "/" + versionId;
    }

    /** Lineage joins an action only to actions of other versions of the same plan. */
    public boolean isInAnotherVersionOf(String planId, String versionId) {
        return this.planId.equals(planId) && !this.versionId.equals(versionId);
    }

    @JsonValue
    @Override
    public String toString() {
        return planVersionId() + "/" + number;
    }
}
