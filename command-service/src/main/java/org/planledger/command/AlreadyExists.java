package org.planledger.command;

/** The command would create something that already exists (HTTP 409). */
public class AlreadyExists extends RuntimeException {

    public AlreadyExists(String message) {
        super(message);
    }
}
