package org.planledger.command.web;

/** What a command on a body, meeting or decision answers: what it changed, its version now, and the command's id. */
public record Recorded(String id, long version, String commandId) {
}
