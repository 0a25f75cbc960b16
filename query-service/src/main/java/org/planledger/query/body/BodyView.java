package org.planledger.query.body;

import java.time.LocalDate;
import java.util.List;

/** A governance body as the API shows it. */
public final class BodyView {

    private BodyView() {
    }

    /** A body in the list of all bodies. */
    public record Summary(String bodyId, String kind, String name, String aim, LocalDate establishedOn,
                          LocalDate disbandedOn, Holder chair) {
    }

    /** One body: its chair and members now, every role anyone has held in it, and the actions it owns. */
    public record Detail(String bodyId, String kind, String name, String remit, String aim, LocalDate establishedOn,
                         LocalDate disbandedOn, Holder chair, List<Holder> members, List<Role> roles,
                         List<OwnedAction> ownedActions, long version) {
    }

    /** Someone holding a role now. */
    public record Holder(String personId, String name, String role, String coOptedFrom, LocalDate since) {
    }

    /** A role someone held, from when until when ({@code until} is null while it lasts). */
    public record Role(String personId, String name, String role, String coOptedFrom, LocalDate from, LocalDate until) {
    }

    public record OwnedAction(String ref, String title, String status, String timeframe) {
    }
}
