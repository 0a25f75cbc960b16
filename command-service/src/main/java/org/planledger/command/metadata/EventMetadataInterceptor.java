package org.planledger.command.metadata;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.planledger.command.GovernedCommand;
import org.planledger.events.EventMetadata;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import static org.planledger.events.EventMetadata.ACTOR;
import static org.planledger.events.EventMetadata.COMMAND_ID;
import static org.planledger.events.EventMetadata.CORRELATION_ID;
import static org.planledger.events.EventMetadata.DECISION_ID;
import static org.planledger.events.EventMetadata.EFFECTIVE_ON;
import static org.planledger.events.EventMetadata.REASON;
import static org.planledger.events.EventMetadata.RECORDED_AT;

/**
 * The one place that decides an event's metadata. It stamps every command as it is dispatched; Axon then copies
 * these keys onto each event the command produces (see CommandConfiguration).
 * <p>
 * Inside an HTTP request the actor is always the request's principal, whatever the command carried. Outside one,
 * the service's own code may name itself as actor; otherwise it is {@value #SYSTEM}.
 */
final class EventMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String SYSTEM = "system";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Clock clock;
    private final CurrentActor currentActor;

    EventMetadataInterceptor(Clock clock, CurrentActor currentActor) {
        this.clock = clock;
        this.currentActor = currentActor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(metadataFor(command));
    }

    private Map<String, Object> metadataFor(CommandMessage<?> command) {
        MetaData given = command.getMetaData();
        Instant recordedAt = clock.instant();
        LocalDate effectiveOn = LocalDate.ofInstant(recordedAt, EventMetadata.ZONE);
        Map<String, Object> metadata = new HashMap<>();
        if (command.getPayload() instanceof GovernedCommand governed) {
            putIfPresent(metadata, REASON, governed.reason());
            putIfPresent(metadata, DECISION_ID, governed.decisionId());
            if (governed.effectiveOn() != null) {
                effectiveOn = governed.effectiveOn();
            }
        }
        metadata.put(ACTOR, currentActor.name().orElseGet(() -> (String) given.getOrDefault(ACTOR, SYSTEM)));
        currentActor.chairOf().ifPresent(body -> metadata.put(CommandMetadata.ACTING_FOR, body));
        metadata.put(RECORDED_AT, recordedAt.toString());
        metadata.put(EFFECTIVE_ON, effectiveOn.toString());
        metadata.put(COMMAND_ID, command.getIdentifier());
        metadata.put(CORRELATION_ID, correlationId(command, given));
        return metadata;
    }

    /** A client may send X-Correlation-Id; server code outside a request may group its commands under one id. */
    private String correlationId(CommandMessage<?> command, MetaData given) {
        Optional<HttpServletRequest> request = currentActor.currentRequest();
        String candidate = request.isPresent()
                ? request.get().getHeader(CORRELATION_HEADER)
                : (String) given.get(CORRELATION_ID);
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : command.getIdentifier();
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }
}
