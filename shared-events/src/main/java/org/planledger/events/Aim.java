package org.planledger.events;

/** One of a plan version's aims: a letter code (A–D in the chronic pain plan), its title and statement. */
public record Aim(String code, String title, String statement) {
}
