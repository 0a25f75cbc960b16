package org.planledger.events;

/** Someone who chairs or sits on a body: a stable id (which never changes) and the name to show. */
public record Person(String personId, String name) {
}
