package org.planledger.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command and waits for it, keeping the command's id so the response can name it. */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Sent<R> send(Object command) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command);
        R result = gateway.sendAndWait(message);
        return new Sent<>(message.getIdentifier(), result);
    }

    /** The id the command was sent under (its events carry it as commandId) and what its handler returned. */
    public record Sent<R>(String commandId, R result) {
    }
}
