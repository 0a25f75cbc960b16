package org.planledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.planledger.command.idempotency.IdempotencyKeyInUse;
import org.planledger.command.idempotency.IdempotencyKeyReused;
import org.planledger.command.idempotency.IdempotencyKeys;
import org.planledger.command.idempotency.IdempotentHandling;
import org.planledger.command.metadata.CurrentActor;
import org.planledger.web.InvalidRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sends a command and waits for it, keeping the command's id so the response can name it. A request with an
 * {@code Idempotency-Key} that the same actor used before gets the first answer again and sends nothing.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** What every command's 409 and 422 mean, for the OpenAPI description. */
    public static final String CONFLICT = "It already exists, If-Match is stale, or another writer changed the same "
            + "thing at the same moment";
    public static final String REFUSED = "Refused by a rule (docs/domain.md), or the Idempotency-Key was used for "
            + "another request";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The form an Idempotency-Key takes (a UUID will do). */
    public static final String KEY_FORM = "^[A-Za-z0-9._:-]{1,100}$";
    private static final Pattern KEY = Pattern.compile(KEY_FORM);
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CORRELATION_ID_FORM = "^[A-Za-z0-9._:-]{1,64}$";
    private static final Pattern CORRELATION = Pattern.compile(CORRELATION_ID_FORM);

    private final CommandGateway gateway;
    private final IdempotencyKeys keys;
    private final CurrentActor currentActor;
    private final JsonMapper json;

    public CommandSender(CommandGateway gateway, IdempotencyKeys keys, CurrentActor currentActor, JsonMapper json) {
        this.gateway = gateway;
        this.keys = keys;
        this.currentActor = currentActor;
        this.json = json;
    }

    public <R> Sent<R> send(Object command, Class<R> resultType) {
        Optional<String> key = idempotencyKey();
        if (key.isEmpty()) {
            return dispatch(GenericCommandMessage.asCommandMessage(command));
        }
        String actor = currentActor.name().orElseThrow();
        byte[] fingerprint = fingerprint(command);
        Optional<IdempotencyKeys.Used> used = keys.find(actor, key.get());
        if (used.isPresent()) {
            return firstAnswer(used.get(), key.get(), fingerprint, resultType);
        }
        try {
            return dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    IdempotentHandling.KEY, key.get(), IdempotentHandling.FINGERPRINT, HexFormat.of().formatHex(fingerprint))));
        } catch (DuplicateKeyException sameKeyCommittedFirst) {
            return firstAnswer(keys.find(actor, key.get()).orElseThrow(), key.get(), fingerprint, resultType);
        }
    }

    private <R> Sent<R> dispatch(CommandMessage<Object> message) {
        R result = gateway.sendAndWait(message);
        return new Sent<>(message.getIdentifier(), result);
    }

    private <R> Sent<R> firstAnswer(IdempotencyKeys.Used used, String key, byte[] fingerprint, Class<R> resultType) {
        if (!Arrays.equals(used.fingerprint(), fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        if (used.result() == null) {
            throw new IdempotencyKeyInUse(key);
        }
        currentResponse().ifPresent(response -> response.setHeader(REPLAYED, "true"));
        return new Sent<>(used.commandId(), json.readValue(used.result(), resultType));
    }

    /**
     * The request's Idempotency-Key, after checking it and X-Correlation-Id (which the event metadata then reads):
     * each at most once, in its documented form, or the command is refused before it runs.
     */
    private Optional<String> idempotencyKey() {
        Optional<String> key = header(IDEMPOTENCY_KEY, KEY, "must be 1 to 100 letters, digits or . _ : - (a UUID will do)");
        header(CORRELATION_ID, CORRELATION, "must be 1 to 64 letters, digits or . _ : -");
        return key;
    }

    private Optional<String> header(String name, Pattern form, String rule) {
        Optional<HttpServletRequest> request = currentActor.currentRequest();
        if (request.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = Collections.list(request.get().getHeaders(name));
        if (values.size() > 1) {
            throw new InvalidRequest(name, "is sent " + values.size() + " times; send it once");
        }
        if (!values.isEmpty() && !form.matcher(values.get(0)).matches()) {
            throw new InvalidRequest(name, rule);
        }
        return values.stream().findFirst();
    }

    /** What the request asks for, whatever its JSON's spacing or field order: the command it became. */
    private byte[] fingerprint(Object command) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((command.getClass().getName() + "\n"
                    + json.writeValueAsString(command)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Optional<HttpServletResponse> currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.ofNullable(attributes.getResponse())
                : Optional.empty();
    }

    /** The id the command was sent under (its events carry it as commandId) and what its handler returned. */
    public record Sent<R>(String commandId, R result) {
    }
}
