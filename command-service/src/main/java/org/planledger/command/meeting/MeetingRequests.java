package org.planledger.command.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.command.body.BodyRequests;
import org.planledger.events.ActionRef;
import org.planledger.events.Identifiers;
import org.planledger.events.MinuteItem;
import org.planledger.events.Person;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the {@code /api/meetings} commands. */
public final class MeetingRequests {

    private MeetingRequests() {
    }

    public record Schedule(@NotBlank @Pattern(regexp = Identifiers.SLUG) String meetingId,
                           @NotBlank @Pattern(regexp = Identifiers.SLUG) String bodyId,
                           @NotNull LocalDate heldOn,
                           @NotBlank @Size(max = 300) String title) {
    }

    public record Attendance(@NotNull @Size(max = 200) List<BodyRequests.@NotNull @Valid PersonRequest> present,
                             @Size(max = 200) List<BodyRequests.@NotNull @Valid PersonRequest> apologies) {
        List<Person> presentPeople() {
            return present.stream().map(BodyRequests.PersonRequest::toPerson).toList();
        }

        List<Person> apologiesPeople() {
            return apologies == null ? List.of() : apologies.stream().map(BodyRequests.PersonRequest::toPerson).toList();
        }
    }

    public record Item(@NotNull @Min(1) @Max(999) Integer number,
                       @Size(max = 300) String heading,
                       @NotBlank @Size(max = 20_000) String text) {
        MinuteItem toItem() {
            return new MinuteItem(number, heading, text);
        }
    }

    public record Minutes(@NotEmpty @Size(max = 200) List<@NotNull @Valid Item> items) {
        List<MinuteItem> minuteItems() {
            return items.stream().map(Item::toItem).toList();
        }
    }

    public record Approval(@NotBlank @Pattern(regexp = Identifiers.SLUG) String approvedAt) {
    }

    public record Amendment(@NotEmpty @Size(max = 200) List<@NotNull @Valid Item> items,
                            @NotBlank @Size(max = 2_000) String reason) {
        List<MinuteItem> minuteItems() {
            return items.stream().map(Item::toItem).toList();
        }
    }

    public record Decision(@NotBlank @Pattern(regexp = Identifiers.DECISION) String decisionId,
                           @NotBlank @Size(max = 10_000) String text,
                           @NotNull @Size(max = 100) List<@NotNull ActionRef> actions) {
    }
}
