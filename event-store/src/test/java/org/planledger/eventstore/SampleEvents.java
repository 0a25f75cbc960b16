package org.planledger.eventstore;

import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.LedgerEvent;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;

import java.time.LocalDate;
import java.util.List;

/** One example of each event type, matching the stored JSON under src/test/resources/stored-events. */
final class SampleEvents {

    static final ActionRef ACTION = ActionRef.parse("chronic-pain/2023-11/7");

    static final List<LedgerEvent> ALL = List.of(
            new PlanVersionPublished("chronic-pain", "2023-11", "Implementation plan update", LocalDate.of(2023, 11, 1),
                    List.of(new Aim("A", "Person Centred Care", "We will improve…"))),
            new ActionPublished(ACTION, "B", "Deliver a new digital approach", "Remote Healthcare Pathways…",
                    Timeframe.MEDIUM, null, ActionStatus.NOT_STARTED, List.of(ActionRef.parse("chronic-pain/2022-07/9"))),
            new ProgressRecorded(ACTION, "Pilot completed in NHS Highland", List.of("https://example.org/evaluation")),
            new ActionStatusChanged(ACTION, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS),
            new OwnerReassigned(ACTION, null, "slwg-b"));

    private SampleEvents() {
    }
}
