package dev.lifeboat.statuspage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A new incident: its title, first status and message, the components it affects with the status each should
 * show, and whether subscribers are notified.
 */
public record IncidentDraft(
        String name,
        IncidentStatus status,
        String body,
        Map<String, ComponentStatus> components,
        boolean deliverNotifications) {

    public IncidentDraft {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an incident needs a name");
        }
        requireKnown(status);
        body = Objects.requireNonNullElse(body, "");
        components = IncidentChange.checked(components);
    }

    static void requireKnown(IncidentStatus status) {
        if (status == null || status == IncidentStatus.UNKNOWN) {
            throw new IllegalArgumentException("an incident status is required (investigating, identified,"
                    + " monitoring or resolved), got " + status);
        }
    }

    /** Unmodifiable, in the caller's order. */
    static Map<String, ComponentStatus> ordered(Map<String, ComponentStatus> components) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }
}
