package org.planledger.web;

/** A request value that annotations cannot check, such as a malformed If-Match header (HTTP 400). */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
