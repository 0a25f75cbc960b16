package org.planledger.query.changes;

import org.planledger.events.ActionCarriedForward;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.AttendanceRecorded;
import org.planledger.events.BodyDisbanded;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyRemitChanged;
import org.planledger.events.BodyRenamed;
import org.planledger.events.ChairAppointed;
import org.planledger.events.ChairCoOpted;
import org.planledger.events.DecisionRecorded;
import org.planledger.events.LedgerEvent;
import org.planledger.events.MeetingScheduled;
import org.planledger.events.MemberAdded;
import org.planledger.events.MemberRemoved;
import org.planledger.events.MinutesAmended;
import org.planledger.events.MinutesApproved;
import org.planledger.events.MinutesDrafted;
import org.planledger.events.MinutesPublished;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.TimeframeChanged;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each kind of event changed, as the fields it touched before and after. "Before" is empty where the event
 * adds something (a published action, a progress update) rather than replacing a value.
 */
final class ChangeDescriptions {

    /** Fields before and after an event; either may be null. */
    record Description(Map<String, Object> before, Map<String, Object> after) {
    }

    private ChangeDescriptions() {
    }

    static Description of(LedgerEvent event) {
        if (event instanceof PlanVersionPublished e) {
            return added("title", e.title(), "publishedOn", e.publishedOn(), "aims", e.aims());
        }
        if (event instanceof ActionPublished e) {
            return added("aim", e.aim(), "title", e.title(), "timeframe", e.timeframe(), "owner", e.ownerBodyId(),
                    "status", e.status(), "continues", refs(e.continues()));
        }
        if (event instanceof ProgressRecorded e) {
            return added("summary", e.summary(), "evidence", e.evidence());
        }
        if (event instanceof ActionStatusChanged e) {
            return replaced("status", e.from(), e.to());
        }
        if (event instanceof OwnerReassigned e) {
            return replaced("owner", e.from(), e.to());
        }
        if (event instanceof TimeframeChanged e) {
            return replaced("timeframe", e.from(), e.to());
        }
        if (event instanceof ActionCarriedForward e) {
            return added("carriedForwardInto", refs(e.into()));
        }
        if (event instanceof BodyEstablished e) {
            return added("kind", e.kind(), "name", e.name(), "remit", e.remit(), "aim", e.aim(),
                    "establishedOn", e.establishedOn());
        }
        if (event instanceof BodyRenamed e) {
            return replaced("name", e.from(), e.to());
        }
        if (event instanceof BodyRemitChanged e) {
            return replaced("remit", e.from(), e.to());
        }
        if (event instanceof ChairAppointed e) {
            return replaced("chair", e.replaced(), e.chair());
        }
        if (event instanceof MemberAdded e) {
            return added("member", e.member());
        }
        if (event instanceof MemberRemoved e) {
            return new Description(fields("member", e.member()), null);
        }
        if (event instanceof ChairCoOpted e) {
            return added("coOpted", e.chair(), "chairOf", e.chairOf());
        }
        if (event instanceof BodyDisbanded e) {
            return added("disbandedOn", e.disbandedOn());
        }
        if (event instanceof MeetingScheduled e) {
            return added("body", e.bodyId(), "heldOn", e.heldOn(), "title", e.title());
        }
        if (event instanceof AttendanceRecorded e) {
            return added("present", e.present(), "apologies", e.apologies());
        }
        if (event instanceof MinutesDrafted e) {
            return added("minutes", e.items());
        }
        if (event instanceof MinutesApproved e) {
            return replaced("minutes", "DRAFT", "APPROVED at " + e.approvedAt());
        }
        if (event instanceof MinutesPublished e) {
            return replaced("minutes", "APPROVED", "PUBLISHED");
        }
        if (event instanceof MinutesAmended e) {
            return added("minutes", e.items());
        }
        if (event instanceof DecisionRecorded e) {
            return added("meeting", e.meetingId(), "text", e.text(), "actions", refs(e.actions()));
        }
        throw new IllegalStateException("no description for " + event.getClass().getName());
    }

    private static Description added(Object... namesAndValues) {
        return new Description(null, fields(namesAndValues));
    }

    private static Description replaced(String name, Object before, Object after) {
        return new Description(fields(name, before), fields(name, after));
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static List<String> refs(List<ActionRef> refs) {
        return refs.stream().map(ActionRef::toString).toList();
    }
}
