package org.planledger.web;

/** The thing a request names does not exist (HTTP 404). The message says what was looked for. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
