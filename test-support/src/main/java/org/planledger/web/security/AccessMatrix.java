package org.planledger.web.security;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcomes of walking a service's endpoints with every role, checked against the policy all at once. */
public final class AccessMatrix {

    public static final String ALLOWED = "allowed";

    private final Map<String, String> outcomes = new LinkedHashMap<>();

    /** One request: {@code expected} is {@value #ALLOWED} (anything but 401 and 403), "401" or "403". */
    public void record(String check, String expected, int status) {
        String actual = status == 401 || status == 403 ? Integer.toString(status) : ALLOWED;
        outcomes.put(check, actual.equals(expected) ? "ok" : "expected " + expected + ", got " + status);
    }

    /** Fails naming every request whose outcome broke the policy. */
    public void assertAsExpected(int endpoints, int roles) {
        System.out.printf("access matrix: %d endpoints x %d roles, %d requests%n", endpoints, roles, outcomes.size());
        assertThat(outcomes).as("%d endpoints x %d roles", endpoints, roles).allSatisfy((check, outcome) ->
                assertThat(outcome).as(check).isEqualTo("ok"));
    }
}
