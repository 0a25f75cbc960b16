package org.planledger.query.body;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/** A governance body as the API shows it. */
public final class BodyView {

    private BodyView() {
    }

    /** A body in the list of all bodies. */
    @Schema(name = "BodySummary")
    public record Summary(String bodyId, String kind, String name, @Nullable String aim,
                          @Nullable LocalDate establishedOn, @Nullable LocalDate disbandedOn, @Nullable Holder chair) {
    }

    /** One body: its chair and members now, every role anyone has held in it, and the actions it owns. */
    @Schema(name = "Body")
    public record Detail(String bodyId, String kind, String name, @Nullable String remit, @Nullable String aim,
                         @Nullable LocalDate establishedOn, @Nullable LocalDate disbandedOn, @Nullable Holder chair,
                         List<Holder> members, List<Role> roles, List<OwnedAction> ownedActions, long version) {
    }

    /** Someone holding a role now. */
    public record Holder(String personId, String name, String role, @Nullable String coOptedFrom, LocalDate since) {
    }

    /** A role someone held, from when until when ({@code until} is null while it lasts). */
    @Schema(name = "BodyRole")
    public record Role(String personId, String name, String role, @Nullable String coOptedFrom, LocalDate from,
                       @Nullable LocalDate until) {
    }

    @Schema(name = "BodyAction")
    public record OwnedAction(String ref, String title, String status, @Nullable String timeframe) {
    }
}
