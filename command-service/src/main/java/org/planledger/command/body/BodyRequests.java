package org.planledger.command.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.planledger.events.BodyKind;
import org.planledger.events.Identifiers;
import org.planledger.events.Person;

import java.time.LocalDate;

/** The bodies of the {@code /api/bodies} commands. */
public final class BodyRequests {

    private BodyRequests() {
    }

    public record Establish(@NotBlank @Pattern(regexp = Identifiers.SLUG) String bodyId,
                            @NotNull BodyKind kind,
                            @NotBlank @Size(max = 300) String name,
                            @Size(max = 4_000) String remit,
                            @Pattern(regexp = "^[A-Z]$") String aim,
                            @PastOrPresent LocalDate establishedOn) {
        public BodyCommands.EstablishBody toCommand() {
            return new BodyCommands.EstablishBody(bodyId, kind, name, remit, aim, establishedOn);
        }
    }

    public record Details(@Size(min = 1, max = 300) String name,
                          @Size(max = 4_000) String remit,
                          @NotBlank @Size(max = 2_000) String reason,
                          @PastOrPresent LocalDate effectiveOn) {
    }

    /** A person as a request names them. */
    public record PersonRequest(@NotBlank @Pattern(regexp = Identifiers.PERSON) String personId,
                                @NotBlank @Size(max = 200) String name) {
        public Person toPerson() {
            return new Person(personId, name);
        }
    }

    public record Appointment(@NotNull @Valid PersonRequest person,
                              @Size(max = 2_000) String reason,
                              @PastOrPresent LocalDate effectiveOn) {
    }

    public record Removal(@NotBlank @Size(max = 2_000) String reason,
                          @PastOrPresent LocalDate effectiveOn) {
    }

    public record CoOption(@NotBlank @Pattern(regexp = Identifiers.SLUG) String chairOf,
                           @Size(max = 2_000) String reason,
                           @PastOrPresent LocalDate effectiveOn) {
    }

    public record Disbandment(@NotNull @PastOrPresent LocalDate disbandedOn,
                              @NotBlank @Size(max = 2_000) String reason,
                              @Pattern(regexp = Identifiers.DECISION) String decisionId) {
    }
}
