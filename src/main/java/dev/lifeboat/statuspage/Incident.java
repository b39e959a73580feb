package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An incident on our page.
 *
 * @param impact          {@code none}, {@code minor}, {@code major} or {@code critical}
 * @param shortlink       the public link to the incident
 * @param incidentUpdates the posted updates, newest first as Statuspage returns them
 * @param components      the affected components, with their current status
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Incident(
        String id,
        String pageId,
        String name,
        IncidentStatus status,
        String impact,
        String shortlink,
        List<IncidentUpdate> incidentUpdates,
        List<Component> components,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant monitoringAt,
        Instant resolvedAt) {

    public Incident {
        status = status == null ? IncidentStatus.UNKNOWN : status;
        incidentUpdates = incidentUpdates == null ? List.of() : List.copyOf(incidentUpdates);
        components = components == null ? List.of() : List.copyOf(components);
    }

    public boolean isResolved() {
        return status == IncidentStatus.RESOLVED;
    }

    /** The most recently posted update. */
    public Optional<IncidentUpdate> latestUpdate() {
        return incidentUpdates.stream().max(Comparator.comparing(IncidentUpdate::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The ids of the affected components. */
    public List<String> componentIds() {
        return components.stream().map(Component::id).toList();
    }
}
