package org.planledger.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the headers every command takes, which no controller method names because {@link CommandSender} and the
 * event metadata read them from the request (docs/api.md, "Writes").
 */
@Component
class CommandHeaders implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation
                .addParametersItem(new HeaderParameter().name(CommandSender.IDEMPOTENCY_KEY)
                        .description("A repeat with the same key and request, by the same actor, gets the first answer "
                                + "again (with Idempotent-Replayed: true) and appends nothing; the same key with "
                                + "another request is a 422")
                        .schema(new StringSchema().pattern(CommandSender.KEY_FORM)))
                .addParametersItem(new HeaderParameter().name(CommandSender.CORRELATION_ID)
                        .description("Stored as the events' correlationId; by default the command id. Anything but 1 to "
                                + "64 letters, digits or . _ : - is a 400, as is either header sent twice")
                        .schema(new StringSchema().pattern(CommandSender.CORRELATION_ID_FORM)));
    }
}
