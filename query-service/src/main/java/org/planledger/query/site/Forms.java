package org.planledger.query.site;

import java.util.Map;

/** What the pages read from a submitted form or a query string. */
public final class Forms {

    private Forms() {
    }

    /** The field's text without surrounding spaces; null when it is missing or blank. */
    public static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
