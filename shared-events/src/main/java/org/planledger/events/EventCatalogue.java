package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the ledger stores, by the stable name it is stored under. The name, not the Java class,
 * goes into the event store, so classes can be moved or renamed without touching stored events.
 */
public final class EventCatalogue {

    public static final List<Class<? extends LedgerEvent>> TYPES = List.of(
            // plans and actions
            PlanVersionPublished.class,
            ActionPublished.class,
            ProgressRecorded.class,
            ActionStatusChanged.class,
            OwnerReassigned.class,
            TimeframeChanged.class,
            ActionCarriedForward.class,
            // governance bodies
            BodyEstablished.class,
            BodyRenamed.class,
            BodyRemitChanged.class,
            ChairAppointed.class,
            MemberAdded.class,
            MemberRemoved.class,
            ChairCoOpted.class,
            BodyDisbanded.class,
            // meetings, minutes and decisions
            MeetingScheduled.class,
            AttendanceRecorded.class,
            MinutesDrafted.class,
            MinutesApproved.class,
            MinutesPublished.class,
            MinutesAmended.class,
            DecisionRecorded.class);

    private static final Map<String, Class<?>> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalogue::nameOf, Function.identity()));

    private EventCatalogue() {
    }

    /** The stored name of a catalogued event class, or empty for any other class. */
    public static Optional<String> typeName(Class<?> type) {
        return TYPES.contains(type) ? Optional.of(nameOf(type)) : Optional.empty();
    }

    /** The event class stored under a name, or empty if the name is not one of ours. */
    public static Optional<Class<?>> typeFor(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static String nameOf(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isBlank()) {
            throw new IllegalStateException(type.getName() + " has no @JsonTypeName");
        }
        return name.value();
    }
}
