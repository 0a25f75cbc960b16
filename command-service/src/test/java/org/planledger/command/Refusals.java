package org.planledger.command;

import org.axonframework.test.aggregate.FixtureConfiguration;

import static org.hamcrest.Matchers.containsString;

/** The one way the aggregate tests check a refusal: a rule names itself, and nothing is applied. */
public final class Refusals {

    private Refusals() {
    }

    public static void refuses(FixtureConfiguration<?> fixture, Object command, String message, Object... given) {
        (given.length == 0 ? fixture.givenNoPriorActivity() : fixture.given(given))
                .when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }
}
