package org.planledger.command.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.planledger.command.GovernedCommand;
import org.planledger.command.StreamIds;
import org.planledger.events.BodyKind;
import org.planledger.events.Person;

import java.time.LocalDate;

/** The commands a governance body takes. Each is addressed to the body's stream, {@code body:{bodyId}}. */
public final class BodyCommands {

    private BodyCommands() {
    }

    /** Commands about one body. */
    public interface BodyCommand extends GovernedCommand {

        String bodyId();

        @TargetAggregateIdentifier
        default String streamId() {
            return StreamIds.body(bodyId());
        }
    }

    /** Set up a body; a body the sources do not date has no {@code establishedOn}. */
    public record EstablishBody(String bodyId, BodyKind kind, String name, String remit, String aim,
                                LocalDate establishedOn) implements BodyCommand {
        @Override
        public LocalDate effectiveOn() {
            return establishedOn;
        }
    }

    /** Rename a body or change its remit (either may be null: unchanged). */
    public record ChangeBodyDetails(String bodyId, String name, String remit, String reason, LocalDate effectiveOn)
            implements BodyCommand {
    }

    public record AppointChair(String bodyId, Person chair, String reason, LocalDate effectiveOn) implements BodyCommand {
    }

    public record AddMember(String bodyId, Person member, String reason, LocalDate effectiveOn) implements BodyCommand {
    }

    public record RemoveMember(String bodyId, String personId, String reason, LocalDate effectiveOn)
            implements BodyCommand {
    }

    /** Co-opt the chair of another body ({@code chairOf}) onto this one, the Task Force. */
    public record CoOptChair(String bodyId, String chairOf, String reason, LocalDate effectiveOn) implements BodyCommand {
    }

    public record DisbandBody(String bodyId, LocalDate disbandedOn, String reason, String decisionId)
            implements BodyCommand {
        @Override
        public LocalDate effectiveOn() {
            return disbandedOn;
        }
    }
}
