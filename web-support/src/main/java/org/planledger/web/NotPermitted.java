package org.planledger.web;

/** The caller is signed in but their role does not cover this particular record (HTTP 403). */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
