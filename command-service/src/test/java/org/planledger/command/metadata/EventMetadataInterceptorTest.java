package org.planledger.command.metadata;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.action.ReassignOwner;
import org.planledger.command.action.RecordProgress;
import org.planledger.events.ActionRef;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventMetadataInterceptorTest {

    private static final ActionRef REF = ActionRef.parse("chronic-pain/2023-11/7");
    // 23:30 UTC on 31 March 2024 is already 1 April in London (BST): the effective date follows London.
    private static final Instant NOW = Instant.parse("2024-03-31T23:30:00Z");

    private final EventMetadataInterceptor interceptor = new EventMetadataInterceptor(
            Clock.fixed(NOW, ZoneOffset.UTC), new CurrentActor());

    @AfterEach
    void leaveRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void stampsWhoWhenAndWhichCommand() {
        inRequest("alice", null);

        CommandMessage<?> stamped = stamp(GenericCommandMessage.asCommandMessage(progress(null, null)));

        assertThat(stamped.getMetaData())
                .containsEntry("actor", "alice")
                .containsEntry("recordedAt", "2024-03-31T23:30:00Z")
                .containsEntry("effectiveOn", "2024-04-01")
                .containsEntry("commandId", stamped.getIdentifier())
                .containsEntry("correlationId", stamped.getIdentifier())
                .doesNotContainKeys("reason", "decisionId");
    }

    @Test
    void takesReasonDecisionAndEffectiveDateFromTheCommand() {
        inRequest("alice", null);

        CommandMessage<?> stamped = stamp(GenericCommandMessage.asCommandMessage(
                new ReassignOwner(REF, null, "slwg-b", "Aim B work moves to its SLWG", "TF-2024-01-D3", null)));
        CommandMessage<?> dated = stamp(GenericCommandMessage.asCommandMessage(progress(LocalDate.of(2024, 2, 1), "TF-2024-01-D4")));

        assertThat(stamped.getMetaData()).containsEntry("reason", "Aim B work moves to its SLWG")
                .containsEntry("decisionId", "TF-2024-01-D3");
        assertThat(dated.getMetaData()).containsEntry("effectiveOn", "2024-02-01").containsEntry("decisionId", "TF-2024-01-D4");
    }

    @Test
    void takesTheActorFromThePrincipalWhateverTheCommandCarried() {
        inRequest("alice", null);

        CommandMessage<?> stamped = stamp(GenericCommandMessage.asCommandMessage(progress(null, null))
                .andMetaData(Map.of("actor", "mallory")));

        assertThat(stamped.getMetaData()).containsEntry("actor", "alice");
    }

    @Test
    void callsARequestWithoutAPrincipalAnonymous() {
        inRequest(null, null);

        assertThat(stamp(GenericCommandMessage.asCommandMessage(progress(null, null))).getMetaData())
                .containsEntry("actor", "anonymous");
    }

    @Test
    void letsTheServicesOwnCodeNameItselfOutsideARequest() {
        CommandMessage<?> named = stamp(GenericCommandMessage.asCommandMessage(progress(null, null))
                .andMetaData(Map.of("actor", "system:seed-import", "correlationId", "seed-import-1")));
        CommandMessage<?> unnamed = stamp(GenericCommandMessage.asCommandMessage(progress(null, null)));

        assertThat(named.getMetaData()).containsEntry("actor", "system:seed-import").containsEntry("correlationId", "seed-import-1");
        assertThat(unnamed.getMetaData()).containsEntry("actor", "system");
    }

    @Test
    void acceptsAWellFormedCorrelationHeaderAndIgnoresAnyOther() {
        inRequest("alice", "ticket-4711");
        CommandMessage<?> correlated = stamp(GenericCommandMessage.asCommandMessage(progress(null, null)));
        inRequest("alice", "<script>alert(1)</script>");
        CommandMessage<?> hostile = stamp(GenericCommandMessage.asCommandMessage(progress(null, null)));

        assertThat(correlated.getMetaData()).containsEntry("correlationId", "ticket-4711");
        assertThat(hostile.getMetaData()).containsEntry("correlationId", hostile.getIdentifier());
    }

    private CommandMessage<?> stamp(CommandMessage<?> command) {
        return interceptor.handle(List.of(command)).apply(0, command);
    }

    private static RecordProgress progress(LocalDate effectiveOn, String decisionId) {
        return new RecordProgress(REF, null, "summary", null, List.of(), effectiveOn, decisionId);
    }

    private static void inRequest(String user, String correlationHeader) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (user != null) {
            request.setUserPrincipal(() -> user);
        }
        if (correlationHeader != null) {
            request.addHeader("X-Correlation-Id", correlationHeader);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
