package org.planledger.query.site;

import org.planledger.events.EventMetadata;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the pages write dates, times, statuses and changed fields; templates call it as {@code @formats}. Times are
 * shown in Europe/London, the plan's zone.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(EventMetadata.ZONE);

    /** Tag colours of GOV.UK Frontend, by status; the status is always written out beside the colour. */
    private static final Map<String, String> TAGS = Map.of(
            "NOT_STARTED", "govuk-tag--grey", "IN_PROGRESS", "govuk-tag--blue", "AT_RISK", "govuk-tag--red",
            "COMPLETED", "govuk-tag--green", "CARRIED_FORWARD", "govuk-tag--purple", "CLOSED", "govuk-tag--orange");

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withZone(EventMetadata.ZONE).format(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code IN_PROGRESS} as "In progress", {@code SHORT} as "Short"; the pictures and reports say it the same way. */
    public static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public static String timeframe(String timeframe) {
        return timeframe == null ? "" : words(timeframe) + " term";
    }

    public String tag(String status) {
        return TAGS.getOrDefault(status, "govuk-tag--grey");
    }

    /** An action reference {@code plan/version/number} as the address of its page. */
    public String actionPath(String ref) {
        String[] parts = ref.split("/");
        return parts.length == 3 ? "/plans/" + parts[0] + "/versions/" + parts[1] + "/actions/" + parts[2] : "#";
    }

    /** An event type such as {@code ProgressRecorded} as "Progress recorded". */
    public String eventType(String type) {
        return type == null ? "" : words(snake(type));
    }

    /** The fields of a change's before or after, as "name: value" lines. */
    public List<String> fields(JsonNode node) {
        List<String> lines = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(field -> lines.add(words(snake(field.getKey())) + ": " + text(field.getValue())));
        }
        return lines;
    }

    /** {@code progressEvidence} as {@code progress_Evidence}, for {@link #words}. */
    private static String snake(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1_$2");
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        return value.isNull() ? "none" : value.isValueNode() ? value.asString() : value.toString();
    }
}
