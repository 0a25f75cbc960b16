package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A version of a plan was published with these aims; its actions follow as {@link ActionPublished} events. */
@JsonTypeName("PlanVersionPublished")
@Revision("1")
public record PlanVersionPublished(String planId, String versionId, String title, LocalDate publishedOn,
                                   List<Aim> aims) implements LedgerEvent {

    public PlanVersionPublished {
        aims = List.copyOf(aims);
    }

    @Override
    public String subject() {
        return planId + "/" + versionId;
    }
}
