package org.planledger.events;

/**
 * The forms identifiers take, shared by the events, the commands and both APIs' validation. Each is anchored: Bean
 * Validation matches the whole value anyway, but the OpenAPI description carries the pattern as it is, and a JSON
 * Schema pattern matches anywhere in the value.
 */
public final class Identifiers {

    /** Plan, body and meeting ids: lower-case letters, digits and hyphens, e.g. {@code slwg-a}. */
    public static final String SLUG = "^[a-z0-9][a-z0-9-]{0,62}$";
    /** Plan version ids, e.g. {@code 2023-11}. */
    public static final String VERSION = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
    /** Decision ids, e.g. {@code TF-2024-01-D3}; no slash, since a decision id is also a path segment. */
    public static final String DECISION = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";
    /** Person ids: stable, never reused, never a name. */
    public static final String PERSON = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$";

    private Identifiers() {
    }
}
