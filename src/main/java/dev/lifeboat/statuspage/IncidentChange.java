package dev.lifeboat.statuspage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An update to post on an incident: its new status and message, and components whose status changes (empty
 * leaves them as they are).
 */
public record IncidentChange(
        IncidentStatus status,
        String body,
        Map<String, ComponentStatus> components,
        boolean deliverNotifications) {

    public IncidentChange {
        IncidentDraft.requireKnown(status);
        body = Objects.requireNonNullElse(body, "");
        components = checked(components);
    }

    /** Resolves the incident, setting every given component back to operational. */
    public static IncidentChange resolved(String body, Collection<String> componentIds) {
        Map<String, ComponentStatus> operational = new LinkedHashMap<>();
        componentIds.forEach(id -> operational.put(id, ComponentStatus.OPERATIONAL));
        return new IncidentChange(IncidentStatus.RESOLVED, body, operational, true);
    }

    static Map<String, ComponentStatus> checked(Map<String, ComponentStatus> components) {
        if (components == null) {
            return Map.of();
        }
        components.forEach((id, status) -> {
            if (id == null || id.isBlank() || status == null || status == ComponentStatus.UNKNOWN) {
                throw new IllegalArgumentException("component " + id + " needs a known status, got " + status);
            }
        });
        return IncidentDraft.ordered(components);
    }
}
