package org.planledger.events;

/** One numbered item of a meeting's minutes. */
public record MinuteItem(int number, String heading, String text) {
}
