package org.planledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.planledger.events.EventMetadata;
import tools.jackson.databind.json.JsonMapper;

import java.util.HexFormat;

/**
 * Inside the command's transaction, claims its Idempotency-Key before the handler runs and records the handler's
 * result after it: the key, the events and the answer are committed together or not at all.
 */
public final class IdempotentHandling implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Command metadata naming the key and the request's fingerprint; not copied onto events. */
    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "idempotencyFingerprint";

    private final IdempotencyKeys keys;
    private final JsonMapper json;

    IdempotentHandling(IdempotencyKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String key = (String) command.getMetaData().get(KEY);
        if (key == null) {
            return chain.proceed();
        }
        String actor = (String) command.getMetaData().get(EventMetadata.ACTOR);
        keys.claim(actor, key, HexFormat.of().parseHex((String) command.getMetaData().get(FINGERPRINT)),
                command.getIdentifier());
        Object result = chain.proceed();
        keys.complete(actor, key, json.writeValueAsString(result));
        return result;
    }
}
